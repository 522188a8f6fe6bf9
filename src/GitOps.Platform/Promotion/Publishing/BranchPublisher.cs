using GitOps.Platform.Git;
using GitOps.Targets.Output;

namespace GitOps.Platform.Promotion.Publishing;

/// <summary>
/// Applies file changes on a branch in a temporary worktree based on the target branch, commits, and pushes with
/// --force-with-lease. A remote branch that already has the same tree is left alone, so reruns add no commit.
/// </summary>
internal sealed class BranchPublisher(GitCli git, ILog log, PromotionGitSettings settings)
{
    public async Task<PublishedBranch> PublishAsync(
        string branch, IReadOnlyList<FileChange> changes, string commitMessage, bool buildOnExistingBranch, CancellationToken cancellationToken)
    {
        var remote = settings.Remote;
        var pushRemote = settings.PushRemote ?? remote;
        var target = settings.TargetBranch ?? await git.DefaultBranchAsync(remote, cancellationToken);
        var baseRef = $"refs/remotes/{remote}/{target}";
        var existingRef = $"refs/gitops/published/{branch}";
        await git.FetchAsync(remote, [$"+refs/heads/{target}:{baseRef}"], cancellationToken);
        var existing = await git.RemoteBranchCommitAsync(pushRemote, branch, cancellationToken);
        if (existing is not null)
        {
            await git.FetchAsync(pushRemote, [$"+refs/heads/{branch}:{existingRef}"], cancellationToken);
        }

        Directory.CreateDirectory(settings.WorktreeRoot);
        await git.RemoveStaleWorktreesAsync(settings.WorktreeRoot, branch, cancellationToken);
        var directory = Path.Combine(settings.WorktreeRoot, Guid.NewGuid().ToString("N")[..12]);
        var startPoint = existing is not null && buildOnExistingBranch ? existingRef : baseRef;
        try
        {
            var worktree = await git.AddWorktreeAsync(directory, branch, startPoint, cancellationToken);
            var paths = await ApplyAsync(directory, changes, cancellationToken);
            await worktree.AddAsync(paths, cancellationToken);
            var tree = await worktree.WriteTreeAsync(cancellationToken);
            if (tree == await git.RevParseAsync(baseRef + "^{tree}", cancellationToken))
            {
                log.Info($"{target} already holds these changes; nothing to push");
                return new PublishedBranch(branch, target, null, Changed: false, Pushed: false);
            }

            if (existing is not null && tree == await git.RevParseAsync(existingRef + "^{tree}", cancellationToken))
            {
                log.Info($"{branch} on the remote already holds these changes; no new commit");
                return new PublishedBranch(branch, target, existing, Changed: true, Pushed: false);
            }

            var commit = await worktree.CommitAsync(commitMessage, cancellationToken, settings.CommitIdentity);
            await worktree.PushAsync(pushRemote, branch, existing, cancellationToken);
            log.Info($"Pushed {branch} ({commit?[..12]}) with --force-with-lease");
            return new PublishedBranch(branch, target, commit, Changed: true, Pushed: true);
        }
        finally
        {
            // Also when the build is being cancelled: these run without its token (bounded), or the rerun finds them.
            await git.RemoveWorktreeAsync(directory);
            await git.RunCleanupAsync(["branch", "-D", branch]);
            await git.RunCleanupAsync(["update-ref", "-d", existingRef]);
        }
    }

    private static async Task<List<string>> ApplyAsync(string directory, IReadOnlyList<FileChange> changes, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        foreach (var change in changes)
        {
            var full = Path.Combine(directory, change.Path);
            var current = File.Exists(full) ? await ValuesFileText.ReadAsync(full, cancellationToken) : null;
            var updated = change.Apply(current);
            if (updated != current)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                await ValuesFileText.WriteAsync(full, updated, cancellationToken);
            }

            paths.Add(change.Path);
        }

        return paths;
    }
}
