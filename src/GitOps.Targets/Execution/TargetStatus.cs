namespace GitOps.Targets.Execution;

/// <summary>How a planned target ended.</summary>
public enum TargetStatus
{
    Succeeded,
    Failed,
    Skipped,
    NotRun,
    Aborted,
}
