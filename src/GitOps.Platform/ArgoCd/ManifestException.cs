namespace GitOps.Platform.ArgoCd;

/// <summary>A manifest file the user wrote is wrong: <c>file:line: what is wrong, what is allowed</c>.</summary>
public sealed class ManifestException : ArgoCdException
{
    public ManifestException()
    {
    }

    public ManifestException(string message)
        : base(message)
    {
    }

    public ManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
