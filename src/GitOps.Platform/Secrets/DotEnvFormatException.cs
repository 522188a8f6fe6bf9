using GitOps.Targets.Errors;

namespace GitOps.Platform.Secrets;

/// <summary>
/// A <c>.env</c> file or <c>environments/env.template</c> cannot be read, or a line of it. The message names file and
/// line, never the line's value. A usage error (exit 2): the file is the user's own.
/// </summary>
public sealed class DotEnvFormatException : UsageException
{
    public DotEnvFormatException()
    {
    }

    public DotEnvFormatException(string message)
        : base(message)
    {
    }

    public DotEnvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
