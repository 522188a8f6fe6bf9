using GitOps.Platform.Git;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Every text a file had on main's first-parent line, newest first: the commits of that line that changed it (one
/// <c>git log --first-parent</c>), and the file at all of them in one <c>git grep</c> (each line comes back prefixed with
/// its commit and path), so a long history costs two git processes, not one per commit.
/// </summary>
internal static class ParentFileHistory
{
    public static async Task<IReadOnlyList<string>> TextsAsync(GitCli git, string mainCommit, string path, CancellationToken cancellationToken)
    {
        var commits = (await git.RunAsync(["log", "--first-parent", "--format=%H", mainCommit, "--", path], cancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (commits.Length == 0)
        {
            return [];
        }

        // Config that would change the output's shape is switched off; -a reads the file as text whatever it holds.
        // Exit 1: no line at all (the file was deleted at every one of them).
        var output = (await git.RunRawAsync(
            ["-c", "grep.column=false", "-c", "grep.lineNumber=false", "-c", "grep.fullName=true", "grep", "--no-color", "-a", "-e", string.Empty, .. commits, "--", path],
            quiet: true, throwOnFailure: false, cancellationToken)).StandardOutput;
        var texts = commits.ToDictionary(commit => commit, _ => new System.Text.StringBuilder(), StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            // "<commit>:<path>:<line>"; a commit where the file was deleted has no lines.
            if (line.Length > 41 && line[40] == ':' && texts.TryGetValue(line[..40], out var text) && line.AsSpan(41).StartsWith(path + ":", StringComparison.Ordinal))
            {
                text.Append(line, 42 + path.Length, line.Length - 42 - path.Length).Append('\n');
            }
        }

        return [.. commits.Select(commit => texts[commit].ToString())];
    }
}
