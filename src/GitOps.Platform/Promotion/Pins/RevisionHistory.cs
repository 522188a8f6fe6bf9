using System.Globalization;
using GitOps.Platform.Git;

namespace GitOps.Platform.Promotion.Pins;

/// <summary>
/// What git knows about pins: whether a commit exists (fetching it by SHA first, since CI clones are shallow), whether
/// one pin comes after another, and the commits between two pins.
/// </summary>
public sealed class RevisionHistory(GitCli git, string remote = "origin")
{
    private const int CommitsListed = 50;

    /// <summary>Whether a pin is one main has been at: existing in this clone is not enough (<see cref="MainLine"/>).</summary>
    public MainLine Main { get; } = new(git, remote);

    /// <summary>
    /// True when <paramref name="sha"/> is a commit here, or could be fetched from the remote by its SHA. That includes a
    /// merge request's commits (refs/merge-requests/N/head): enough to show a diff from it, never to pin it (<see cref="Main"/>).
    /// </summary>
    public async Task<bool> ContainsAsync(string sha, CancellationToken cancellationToken)
    {
        if (!CommitRevision.IsFull(sha))
        {
            return false;
        }

        if (await IsCommitAsync(sha, cancellationToken))
        {
            return true;
        }

        await git.RunRawAsync(["fetch", "--quiet", "--no-tags", remote, sha], quiet: true, throwOnFailure: false, cancellationToken);
        return await IsCommitAsync(sha, cancellationToken);
    }

    /// <summary>True when <paramref name="older"/> is an ancestor of <paramref name="newer"/> (and not the same commit).</summary>
    public async Task<bool> IsStrictAncestorAsync(string older, string newer, CancellationToken cancellationToken) =>
        older != newer && (await git.RunRawAsync(["merge-base", "--is-ancestor", older, newer], quiet: true, throwOnFailure: false, cancellationToken)).ExitCode == 0;

    /// <summary>The commits from <paramref name="from"/> to <paramref name="to"/>, or, going back, those taken out.</summary>
    public async Task<RevisionRange> RangeAsync(string from, string to, string? remoteUrl, CancellationToken cancellationToken)
    {
        var backwards = await IsStrictAncestorAsync(to, from, cancellationToken);
        var range = backwards ? $"{to}..{from}" : $"{from}..{to}";
        var count = int.Parse((await git.RunAsync(["rev-list", "--count", range], cancellationToken)).Trim(), CultureInfo.InvariantCulture);
        var listing = await git.RunAsync(["log", "--no-color", $"--max-count={CommitsListed}", "--format=%H%x09%s", range], cancellationToken);
        var commits = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t', 2))
            .Select(parts => new RevisionCommit(parts[0], parts.Length > 1 ? parts[1] : string.Empty, CompareLink.ForCommit(remoteUrl, parts[0])))
            .ToList();
        return new RevisionRange(from, to, backwards, commits, count - commits.Count, CompareLink.For(remoteUrl, from, to));
    }

    private async Task<bool> IsCommitAsync(string sha, CancellationToken cancellationToken) =>
        (await git.RunRawAsync(["cat-file", "-e", sha + "^{commit}"], quiet: true, throwOnFailure: false, cancellationToken)).ExitCode == 0;
}
