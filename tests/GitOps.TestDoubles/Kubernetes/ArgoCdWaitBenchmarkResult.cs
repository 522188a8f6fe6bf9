namespace GitOps.TestDoubles.Kubernetes;

/// <summary>Per-run delays from "the controller marked everything Synced and Healthy" to "the deployer returned".</summary>
public sealed record ArgoCdWaitBenchmarkResult(IReadOnlyList<TimeSpan> Delays)
{
    public TimeSpan Median
    {
        get
        {
            var sorted = Delays.Order().ToList();
            return sorted.Count == 0 ? TimeSpan.Zero
                : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
                : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    public TimeSpan Max => Delays.Count == 0 ? TimeSpan.Zero : Delays.Max();
}
