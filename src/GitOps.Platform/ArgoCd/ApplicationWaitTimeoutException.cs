namespace GitOps.Platform.ArgoCd;

/// <summary>The wait ran out of time; lists every application that was not ready and why.</summary>
public sealed class ApplicationWaitTimeoutException : ArgoCdException
{
    public ApplicationWaitTimeoutException()
    {
    }

    public ApplicationWaitTimeoutException(string message)
        : base(message)
    {
    }

    public ApplicationWaitTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ApplicationWaitTimeoutException(TimeSpan timeout, IReadOnlyDictionary<string, string> notReady)
        : base($"Timed out after {timeout} waiting for Argo CD applications to be Synced and Healthy; not ready: "
            + string.Join("; ", (notReady ?? new Dictionary<string, string>()).Select(entry => $"{entry.Key} ({entry.Value})")))
    {
        NotReady = notReady ?? new Dictionary<string, string>();
    }

    /// <summary>Application name to the reason it was not ready when time ran out.</summary>
    public IReadOnlyDictionary<string, string> NotReady { get; } = new Dictionary<string, string>();
}
