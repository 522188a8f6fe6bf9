namespace GitOps.Targets.Errors;

/// <summary>The user asked for something invalid (unknown target, bad value, missing parameter): exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
