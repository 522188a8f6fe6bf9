namespace GitOps.Targets.Output;

/// <summary>A log that drops everything, for library code called outside a build (tests, benchmarks).</summary>
public sealed class NullLog : ILog
{
    public static readonly NullLog Instance = new();

    private NullLog()
    {
    }

    public void Write(LogLevel level, string message)
    {
    }
}
