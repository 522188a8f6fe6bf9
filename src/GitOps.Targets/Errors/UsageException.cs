namespace GitOps.Targets.Errors;

/// <summary>
/// The user asked for something invalid (unknown target, bad value, missing parameter) or gave the build a file it
/// cannot use: exit code 2. Not sealed: a library's own "your file is wrong" exception (the stage catalog, a .env
/// file) derives from it, so it is a usage error wherever it surfaces and still carries its own details.
/// </summary>
public class UsageException : Exception
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
