namespace GitOps.Platform.Secrets;

/// <summary>A line of a <c>.env</c> file cannot be read. The message names file and line, never the line's value.</summary>
public sealed class DotEnvFormatException : Exception
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
