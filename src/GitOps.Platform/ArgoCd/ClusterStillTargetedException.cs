namespace GitOps.Platform.ArgoCd;

/// <summary>
/// Applications outside the torn-down app-of-apps still deploy to the cluster; unregistering and destroying it would
/// leave them failing and their resources orphaned.
/// </summary>
public sealed class ClusterStillTargetedException : ArgoCdException
{
    public ClusterStillTargetedException()
    {
    }

    public ClusterStillTargetedException(string message)
        : base(message)
    {
    }

    public ClusterStillTargetedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ClusterStillTargetedException(string clusterName, IReadOnlyList<string> applications)
        : base($"Refusing to unregister cluster '{clusterName}': Argo CD applications still deploy to it: {string.Join(", ", applications ?? [])}. "
            + "Delete them first; the cluster is NOT destroyed.")
    {
        Applications = applications ?? [];
    }

    public IReadOnlyList<string> Applications { get; } = [];
}
