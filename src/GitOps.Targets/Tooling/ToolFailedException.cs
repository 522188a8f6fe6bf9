namespace GitOps.Targets.Tooling;

/// <summary>An external tool exited non-zero, timed out or could not be started. The message is already masked.</summary>
public sealed class ToolFailedException : Exception
{
    public ToolFailedException()
    {
    }

    public ToolFailedException(string message)
        : base(message)
    {
    }

    public ToolFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int? ExitCode { get; init; }

    /// <summary>The tool ran longer than its <see cref="ToolInvocation.Timeout"/> and was killed with its child processes.</summary>
    public bool TimedOut { get; init; }
}
