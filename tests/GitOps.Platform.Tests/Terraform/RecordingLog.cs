using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.Terraform;

/// <summary>Keeps every line exactly as written, unmasked, so tests can prove a secret was never written at all.</summary>
internal sealed class RecordingLog : ILog
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    public string Text => string.Join('\n', Lines);

    public void Write(LogLevel level, string message)
    {
        lock (lines)
        {
            lines.Add(message);
        }
    }
}
