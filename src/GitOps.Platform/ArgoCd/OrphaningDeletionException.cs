namespace GitOps.Platform.ArgoCd;

/// <summary>
/// Applications are already being deleted without the resources finalizer: Argo CD removes them and leaves what they
/// deployed running (#3353). Destroying the cluster then would orphan cloud resources, so the teardown stops.
/// </summary>
public sealed class OrphaningDeletionException : ArgoCdException
{
    public OrphaningDeletionException()
    {
    }

    public OrphaningDeletionException(string message)
        : base(message)
    {
    }

    public OrphaningDeletionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OrphaningDeletionException(IReadOnlyList<StuckApplication> applications)
        : base("Argo CD applications are being deleted without the resources finalizer, so what they deployed would stay on the cluster; "
            + "the cluster is NOT destroyed. Delete their resources (or re-create the applications with the finalizer) first: "
            + string.Join("; ", applications ?? []))
    {
        Applications = applications ?? [];
    }

    public IReadOnlyList<StuckApplication> Applications { get; } = [];
}
