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
}
