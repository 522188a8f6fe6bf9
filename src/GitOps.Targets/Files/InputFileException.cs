using GitOps.Targets.Errors;

namespace GitOps.Targets.Files;

/// <summary>A file the user gave the build cannot be read as one: not a regular file, too large, unreadable.</summary>
public sealed class InputFileException : UsageException
{
    public InputFileException()
    {
    }

    public InputFileException(string message)
        : base(message)
    {
    }

    public InputFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
