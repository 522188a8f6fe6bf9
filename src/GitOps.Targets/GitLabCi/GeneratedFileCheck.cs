using GitOps.Targets.GitLabCi.Diff;

namespace GitOps.Targets.GitLabCi;

/// <summary>
/// Compares a committed generated file (such as <c>.gitlab-ci.yml</c>) with freshly generated text and, when they
/// differ, gives a short unified diff (committed as "-", generated as "+"). Line endings are not a difference: a
/// checkout with CRLF conversion is still current.
/// </summary>
public static class GeneratedFileCheck
{
    public const int DefaultContextLines = 3;
    public const int DefaultMaxDiffLines = 60;

    /// <param name="path">Shown in the diff header and messages.</param>
    /// <param name="committed">The committed text, or null when the file does not exist.</param>
    /// <param name="generated">What would be generated now.</param>
    /// <param name="contextLines">Unchanged lines shown around each change.</param>
    /// <param name="maxDiffLines">Diff lines shown before the rest is summarised as a count.</param>
    public static GeneratedFileComparison Compare(
        string path,
        string? committed,
        string generated,
        int contextLines = DefaultContextLines,
        int maxDiffLines = DefaultMaxDiffLines)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(generated);
        var newText = generated.ReplaceLineEndings("\n");
        if (committed is null)
        {
            return new GeneratedFileComparison(path, false, $"{path} does not exist; it must be generated and committed\n");
        }

        var oldText = committed.ReplaceLineEndings("\n");
        if (oldText == newText)
        {
            return new GeneratedFileComparison(path, true, string.Empty);
        }

        var edits = LineDiff.Compute(Lines(oldText), Lines(newText));
        var diff = UnifiedDiff.Format(edits, $"{path} (committed)", $"{path} (generated)", contextLines, maxDiffLines);
        return new GeneratedFileComparison(path, false, diff);
    }

    // The final newline ends the last line rather than starting an empty one; its absence is shown as git shows it.
    private static string[] Lines(string text) => text.EndsWith('\n')
        ? text[..^1].Split('\n')
        : [.. text.Split('\n'), "\\ No newline at end of file"];

    /// <summary>Reads <paramref name="filePath"/> (missing counts as stale) and compares it with <paramref name="generated"/>.</summary>
    public static async Task<GeneratedFileComparison> CompareWithFileAsync(
        string filePath, string generated, string? displayPath = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        var committed = File.Exists(filePath) ? await File.ReadAllTextAsync(filePath, cancellationToken) : null;
        return Compare(displayPath ?? filePath, committed, generated);
    }
}
