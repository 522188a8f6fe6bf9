namespace GitOps.Targets.Files;

/// <summary>
/// Writes a file so that readers see the old content or the new, never half of it: to a temporary file beside it,
/// then renamed over it. An interrupted build leaves at most a stray <c>.tmp</c> file, never a truncated one.
/// </summary>
public static class AtomicFile
{
    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, text, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
