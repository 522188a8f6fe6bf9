namespace GitOps.Targets.Output;

/// <summary>How loud a line is; <c>--verbosity</c> decides which levels are shown.</summary>
public enum LogLevel
{
    Debug,
    Info,
    Success,
    Warning,
    Error,
}
