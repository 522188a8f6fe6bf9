namespace GitOps.Platform.Git;

public sealed partial class GitCli
{
    /// <summary>
    /// Checks out <paramref name="branch"/> (created or reset at <paramref name="startPoint"/>) in a separate worktree,
    /// so the user's own checkout is never switched or touched.
    /// </summary>
    public async Task<GitCli> AddWorktreeAsync(string path, string branch, string startPoint, CancellationToken cancellationToken)
    {
        await RunAsync(["worktree", "add", "--quiet", "--force", "-B", branch, path, startPoint], cancellationToken);
        return In(path);
    }

    public async Task RemoveWorktreeAsync(string path, CancellationToken cancellationToken)
    {
        await RunRawAsync(["worktree", "remove", "--force", path], quiet: true, throwOnFailure: false, cancellationToken);
        await RunRawAsync(["worktree", "prune"], quiet: true, throwOnFailure: false, cancellationToken);
    }

    /// <summary>
    /// Removes what an interrupted run left: registrations of worktrees whose directory is gone, and worktrees under
    /// <paramref name="root"/> (ours) that still have <paramref name="branch"/> checked out, which would make
    /// <c>worktree add -B</c> fail. A worktree of the same branch elsewhere is the user's own and stays.
    /// </summary>
    public async Task RemoveStaleWorktreesAsync(string root, string branch, CancellationToken cancellationToken)
    {
        await RunRawAsync(["worktree", "prune"], quiet: true, throwOnFailure: false, cancellationToken);
        var listing = await RunAsync(["worktree", "list", "--porcelain"], cancellationToken);
        var ours = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        string? path = null;
        foreach (var line in Lines(listing))
        {
            if (line.StartsWith("worktree ", StringComparison.Ordinal))
            {
                path = line["worktree ".Length..];
            }
            else if (line == "branch refs/heads/" + branch && path is not null && Path.GetFullPath(path).StartsWith(ours, StringComparison.Ordinal))
            {
                await RemoveWorktreeAsync(path, cancellationToken);
            }
        }
    }
}
