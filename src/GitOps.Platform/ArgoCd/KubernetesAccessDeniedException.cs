namespace GitOps.Platform.ArgoCd;

/// <summary>
/// The management cluster's API server refused our credentials (401) or their permissions (403). Retrying cannot
/// help, so waits stop at once; the caller names the kubeconfig those credentials came from.
/// </summary>
public sealed class KubernetesAccessDeniedException : ArgoCdException
{
    public KubernetesAccessDeniedException()
    {
    }

    public KubernetesAccessDeniedException(string message)
        : base(message)
    {
    }

    public KubernetesAccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KubernetesAccessDeniedException(int statusCode, string operation, string? kubeconfig = null)
        : base($"{operation} was refused: HTTP {statusCode} {(statusCode == 401 ? "unauthorized" : "forbidden")}"
            + (kubeconfig is null ? string.Empty : $" (kubeconfig {kubeconfig})") + ": "
            + (statusCode == 401
                ? "the API server does not accept these credentials (expired token or wrong cluster); refresh the kubeconfig"
                : "the account may not read Argo CD Applications there; grant it RBAC access"))
    {
        StatusCode = statusCode;
        Operation = operation;
    }

    public int StatusCode { get; }

    public string Operation { get; } = string.Empty;

    /// <summary>The same refusal, naming the kubeconfig whose credentials were refused.</summary>
    public KubernetesAccessDeniedException WithKubeconfig(string kubeconfig) => new(StatusCode, Operation, kubeconfig);
}
