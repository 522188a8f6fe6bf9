namespace GitOps.Targets.GitLabCi.Generation;

/// <summary>
/// Targets that run together with the same parameters, typically for one environment (stage x cloud). Within a lane
/// each target becomes one job, and a job needs the jobs of the targets it depends on, comes after, or is triggered by.
/// </summary>
/// <param name="Name">Appended to job names, e.g. <c>qa-gcp</c>; empty for a lane that is the whole pipeline.</param>
public sealed record Lane(string Name)
{
    /// <summary>Parameters every job of the lane passes, in this order, e.g. (stage, qa), (cloud, gcp).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init => field = [.. value]; } = [];

    /// <summary>An extra <c>rules:if</c> expression, and-ed with the pipeline's, e.g. <c>$STAGE == "qa"</c>.</summary>
    public string? Condition { get; init; }

    /// <summary>
    /// Variables every job of the lane sets, after the target's own (<see cref="TargetJobSettings.Variables"/>), e.g. a
    /// pipeline input handed to the build as <c>RELEASE: $[[ inputs.release ]]</c>; written sorted by name.
    /// </summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The environment the lane acts on; null when its jobs touch none.</summary>
    public LaneEnvironment? Environment { get; init; }

    /// <summary>
    /// Groups of steps each run together in a child pipeline under the lane's resource group; a step in none is its own
    /// job. A step belongs to one child at most.
    /// </summary>
    public IReadOnlyList<LaneChild> Children { get; init => field = [.. value]; } = [];

    public IReadOnlyList<LaneStep> Steps { get; init => field = [.. value]; } = [];
}
