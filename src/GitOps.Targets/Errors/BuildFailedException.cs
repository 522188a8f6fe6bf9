namespace GitOps.Targets.Errors;

/// <summary>A target failed for a reason the user can act on; the message is shown as is, without a stack trace.</summary>
public sealed class BuildFailedException : Exception
{
    public BuildFailedException()
    {
    }

    public BuildFailedException(string message)
        : base(message)
    {
    }

    public BuildFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
