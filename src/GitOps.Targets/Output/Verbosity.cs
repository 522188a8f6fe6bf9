namespace GitOps.Targets.Output;

/// <summary><c>--verbosity</c>: which log levels reach the console (the log file always gets everything).</summary>
public enum Verbosity
{
    Quiet,
    Minimal,
    Normal,
    Verbose,
}
