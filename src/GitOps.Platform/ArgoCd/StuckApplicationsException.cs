namespace GitOps.Platform.ArgoCd;

/// <summary>
/// Argo CD applications did not go within the timeout. Their resources may still run on the cluster, so the caller
/// must NOT destroy it (terraform would orphan load balancers, disks and DNS records).
/// </summary>
public sealed class StuckApplicationsException : ArgoCdException
{
    public StuckApplicationsException()
    {
    }

    public StuckApplicationsException(string message)
        : base(message)
    {
    }

    public StuckApplicationsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StuckApplicationsException(TimeSpan timeout, IReadOnlyList<StuckApplication> applications)
        : base($"Argo CD applications were not deleted within {timeout}; the cluster is NOT destroyed. Stuck: "
            + string.Join("; ", applications ?? [])
            + ". Known Argo CD deletion problems (#3353, #5126, #4369): check the resources are gone before removing a finalizer by hand.")
    {
        Applications = applications ?? [];
    }

    public IReadOnlyList<StuckApplication> Applications { get; } = [];
}
