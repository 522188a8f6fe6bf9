using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.GitLab;

/// <summary>A log that keeps every line, masked as the build's console would mask it.</summary>
internal sealed class RecordingLog(SecretMasker masker) : ILog
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

    public void Write(LogLevel level, string message)
    {
        lock (lines)
        {
            lines.Add($"{level}: {masker.Apply(message)}");
        }
    }
}
