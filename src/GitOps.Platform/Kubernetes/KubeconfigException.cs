namespace GitOps.Platform.Kubernetes;

/// <summary>A kubeconfig that is missing or unusable; the message names the file, never its content.</summary>
public sealed class KubeconfigException : Exception
{
    public KubeconfigException()
    {
    }

    public KubeconfigException(string message)
        : base(message)
    {
    }

    public KubeconfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
