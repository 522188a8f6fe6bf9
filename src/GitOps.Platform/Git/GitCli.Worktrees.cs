namespace GitOps.Platform.Git;

public sealed partial class GitCli
{
    // A cleanup runs in a finally block, often because the build is being cancelled: it cannot take the build's token
    // (a cancelled token stops git before it starts), so each of its git calls is bounded instead.
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Checks out <paramref name="branch"/> (created or reset at <paramref name="startPoint"/>) in a separate worktree,
    /// so the user's own checkout is never switched or touched.
    /// </summary>
    public async Task<GitCli> AddWorktreeAsync(string path, string branch, string startPoint, CancellationToken cancellationToken)
    {
        await RunAsync(["worktree", "add", "--quiet", "--force", "-B", branch, path, startPoint], cancellationToken);
        return In(path);
    }

    /// <summary>
    /// Removes a worktree the build added, locked or not (git locks one while <c>worktree add</c> is still checking it
    /// out), and its directory. It runs to the end even while the build is being cancelled.
    /// </summary>
    public async Task RemoveWorktreeAsync(string path)
    {
        await RunCleanupAsync(["worktree", "remove", "--force", "--force", path]);
        await RunCleanupAsync(["worktree", "prune"]);
        DeleteDirectory(path); // an add killed before git registered the worktree leaves only the directory
    }

    /// <summary>Runs a cleanup command (branch -D, update-ref -d) without the build's token, bounded; a failure is ignored.</summary>
    public Task RunCleanupAsync(IReadOnlyList<string> arguments) =>
        RunRawAsync(arguments, quiet: true, throwOnFailure: false, CancellationToken.None, CleanupTimeout);

    /// <summary>
    /// Removes what an interrupted run left: registrations of worktrees whose directory is gone, and worktrees under
    /// <paramref name="root"/> (ours) that still have <paramref name="branch"/> checked out, which would make
    /// <c>worktree add -B</c> fail. A worktree of the same branch elsewhere is the user's own and stays.
    /// </summary>
    public async Task RemoveStaleWorktreesAsync(string root, string branch, CancellationToken cancellationToken)
    {
        foreach (var (path, checkedOut) in await WorktreesUnderAsync(root, cancellationToken))
        {
            if (checkedOut == "refs/heads/" + branch)
            {
                await RemoveWorktreeAsync(path);
            }
        }
    }

    /// <summary>
    /// Empties <paramref name="root"/>, a folder only the build's own worktrees live in: every worktree registered
    /// under it (a killed run's, locked or not) is removed, and so is anything else left there.
    /// </summary>
    public async Task RemoveWorktreesUnderAsync(string root, CancellationToken cancellationToken)
    {
        foreach (var (path, _) in await WorktreesUnderAsync(root, cancellationToken))
        {
            await RemoveWorktreeAsync(path);
        }

        if (Directory.Exists(root))
        {
            foreach (var leftover in Directory.EnumerateDirectories(root))
            {
                DeleteDirectory(leftover);
            }
        }
    }

    // The worktrees registered under root, after forgetting those whose directory is gone, with the ref each has checked out.
    private async Task<List<(string Path, string? Branch)>> WorktreesUnderAsync(string root, CancellationToken cancellationToken)
    {
        await RunRawAsync(["worktree", "prune"], quiet: true, throwOnFailure: false, cancellationToken);
        var listing = await RunAsync(["worktree", "list", "--porcelain"], cancellationToken);
        var ours = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var found = new List<(string, string?)>();
        string? path = null;
        string? branch = null;
        foreach (var line in Lines(listing).Append("worktree "))
        {
            if (line.StartsWith("worktree ", StringComparison.Ordinal))
            {
                if (path is not null && Path.GetFullPath(path).StartsWith(ours, StringComparison.Ordinal))
                {
                    found.Add((path, branch));
                }

                path = line["worktree ".Length..];
                branch = null;
            }
            else if (line.StartsWith("branch ", StringComparison.Ordinal))
            {
                branch = line["branch ".Length..];
            }
        }

        return found;
    }

    private static void DeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's cleanup of the same folder; it must not hide why the build stopped.
        }
    }
}
