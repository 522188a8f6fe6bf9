namespace GitOps.Platform.ArgoCd;

/// <summary>An application went Degraded or its sync failed: which one, which resource, and Argo CD's message.</summary>
public sealed class ApplicationFailedException : ArgoCdException
{
    public ApplicationFailedException()
    {
    }

    public ApplicationFailedException(string message)
        : base(message)
    {
    }

    public ApplicationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <param name="application">The Application that failed.</param>
    /// <param name="failure">What happened, e.g. "sync Failed" or "cannot be rendered (ComparisonError)".</param>
    /// <param name="resource">The resource Argo CD blames, if any.</param>
    /// <param name="argoMessage">Argo CD's message.</param>
    /// <param name="context">What else the deploy saw (e.g. which applications were not ready), appended after "; ".</param>
    public ApplicationFailedException(string application, string failure, ArgoResourceStatus? resource, string argoMessage, string? context = null)
        : base($"Argo CD application '{application}' {failure}"
            + (resource is null ? string.Empty : $" at {resource.Reference}")
            + (argoMessage.Length == 0 ? string.Empty : $": {argoMessage}")
            + (string.IsNullOrEmpty(context) ? string.Empty : $"; {context}"))
    {
        Application = application;
        Resource = resource?.Reference;
        ArgoMessage = argoMessage;
    }

    public string Application { get; } = string.Empty;

    /// <summary>Kind/name of the failing resource when Argo CD names one.</summary>
    public string? Resource { get; }

    public string ArgoMessage { get; } = string.Empty;
}
