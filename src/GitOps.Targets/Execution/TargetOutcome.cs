namespace GitOps.Targets.Execution;

/// <summary>One row of the summary: status, duration and why (skip reason, error, what it waited on).</summary>
public sealed record TargetOutcome(string Name, TargetStatus Status, TimeSpan Duration, string? Info)
{
    /// <summary>True when the failure was the user's input (a target refusing a request): the build exits 2.</summary>
    public bool IsUsageFailure { get; init; }

    public bool Blocks => Status is TargetStatus.Failed or TargetStatus.NotRun or TargetStatus.Aborted;
}
