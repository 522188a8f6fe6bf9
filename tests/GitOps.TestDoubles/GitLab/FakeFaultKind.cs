namespace GitOps.TestDoubles.GitLab;

/// <summary>What to do instead of (or after) answering normally.</summary>
internal enum FakeFaultKind
{
    Throttle,
    Fail,
    Delay,
    FailAfterProcessing,
}
