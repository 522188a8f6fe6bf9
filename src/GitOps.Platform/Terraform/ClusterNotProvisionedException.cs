namespace GitOps.Platform.Terraform;

/// <summary>
/// The cluster's Terraform state has none of the cluster outputs: it was never provisioned, or it was destroyed.
/// Callers that only wanted its kubeconfig can tell "no cluster" apart from a failure of Terraform itself.
/// </summary>
public sealed class ClusterNotProvisionedException : InvalidOperationException
{
    public ClusterNotProvisionedException()
    {
    }

    public ClusterNotProvisionedException(string message)
        : base(message)
    {
    }

    public ClusterNotProvisionedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
