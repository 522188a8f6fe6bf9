using GitOps.Platform.Git;

namespace GitOps.Platform.Promotion;

/// <summary>A unified diff of two texts (the rendered manifests before and after), capped to fit in an MR description.</summary>
public static class UnifiedDiff
{
    /// <summary>GitLab limits descriptions to 1,000,000 characters; a reviewer reads far less.</summary>
    public const int DefaultMaxLength = 60_000;

    public static async Task<string> RenderAsync(
        GitCli git, string before, string after, string label, CancellationToken cancellationToken, int maxLength = DefaultMaxLength)
    {
        ArgumentNullException.ThrowIfNull(git);
        var directory = Directory.CreateTempSubdirectory("gitops-diff-").FullName;
        try
        {
            var beforePath = Path.Combine(directory, "before");
            var afterPath = Path.Combine(directory, "after");
            await File.WriteAllTextAsync(beforePath, before, cancellationToken);
            await File.WriteAllTextAsync(afterPath, after, cancellationToken);
            var raw = await git.DiffFilesAsync(beforePath, afterPath, cancellationToken);
            var hunks = raw.IndexOf("@@", StringComparison.Ordinal);
            return hunks < 0 ? string.Empty : Cap($"--- {label} (before)\n+++ {label} (after)\n" + raw[hunks..], maxLength);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    internal static string Cap(string diff, int maxLength)
    {
        if (diff.Length <= maxLength)
        {
            return diff;
        }

        var cut = diff.LastIndexOf('\n', Math.Max(0, maxLength - 1));
        var kept = cut > 0 ? diff[..(cut + 1)] : diff[..maxLength];
        var omitted = diff[kept.Length..].Count(character => character == '\n');
        return kept + $"... diff truncated: {omitted} more lines (run helm template locally for the full diff)\n";
    }
}
