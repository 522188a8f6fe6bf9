namespace GitOps.Platform.Helm;

/// <summary>helm could not be installed, or a helm command failed; the message is one line saying what and why.</summary>
public sealed class HelmException : Exception
{
    public HelmException()
    {
    }

    public HelmException(string message)
        : base(message)
    {
    }

    public HelmException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What helm wrote to stderr, in full (for logs; the message keeps only its first error line).</summary>
    public string Details { get; init; } = string.Empty;
}
