using System.Collections.Concurrent;
using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.ArgoCd;

/// <summary>Keeps every line the code under test logs, to assert on what a user would see.</summary>
internal sealed class RecordingLog : ILog
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> lines = new();

    public IReadOnlyList<string> Messages => [.. lines.Select(line => line.Message)];

    public string Text => string.Join('\n', Messages);

    public void Write(LogLevel level, string message) => lines.Enqueue((level, message));
}
