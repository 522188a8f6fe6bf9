namespace GitOps.Platform.ArgoCd;

/// <summary>Refuses to destroy a management cluster whose Argo CD still manages environment clusters of its stage.</summary>
public sealed class ManagementClusterInUseException : ArgoCdException
{
    public ManagementClusterInUseException()
    {
    }

    public ManagementClusterInUseException(string message)
        : base(message)
    {
    }

    public ManagementClusterInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ManagementClusterInUseException(string stage, IReadOnlyList<RegisteredCluster> clusters)
        : base($"Refusing to destroy the management cluster of stage '{stage}': environment clusters are still registered with its Argo CD: "
            + string.Join(", ", (clusters ?? []).Select(cluster => $"{cluster.Name} ({cluster.Server})"))
            + $". Destroy them first (Destroy --stage {stage} --cloud <cloud>).")
    {
        Clusters = clusters ?? [];
    }

    public IReadOnlyList<RegisteredCluster> Clusters { get; } = [];
}
