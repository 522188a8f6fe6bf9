using System.Globalization;
using GitOps.Platform.Git;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Promotion.Pins;

/// <summary>
/// What git knows about pins: whether a commit exists (fetching it by SHA first, since CI clones are shallow), whether
/// one pin comes after another, and the commits between two pins.
/// </summary>
/// <param name="git">git in the clone holding the pins.</param>
/// <param name="remote">The remote to fetch from.</param>
/// <param name="fetchTimeout">How long one fetch (of main, of a pin) may take; <see cref="MainLine.DefaultFetchTimeout"/> when null.</param>
public sealed class RevisionHistory(GitCli git, string remote = "origin", TimeSpan? fetchTimeout = null)
{
    private const int CommitsListed = 50;

    private readonly TimeSpan timeout = fetchTimeout ?? MainLine.DefaultFetchTimeout;

    /// <summary>Whether a pin is one main has been at: existing in this clone is not enough (<see cref="MainLine"/>).</summary>
    public MainLine Main { get; } = new(git, remote, fetchTimeout);

    /// <summary>The remote fetched from, for messages.</summary>
    public string Remote => remote;

    /// <summary>The bound on one fetch, for messages.</summary>
    public TimeSpan FetchTimeout => timeout;

    /// <summary>
    /// Whether <paramref name="sha"/> is a commit here, or could be fetched from the remote by its SHA. That includes a
    /// merge request's commits (refs/merge-requests/N/head): enough to show a diff from it, never to pin it (<see cref="Main"/>).
    /// The fetch is bounded by the fetch timeout, and skipped when the fetch of main already found the remote silent.
    /// </summary>
    public async Task<CommitLookup> LookUpAsync(string sha, CancellationToken cancellationToken)
    {
        if (!CommitRevision.IsFull(sha))
        {
            return CommitLookup.Missing;
        }

        if (await IsCommitAsync(sha, cancellationToken))
        {
            return CommitLookup.Present;
        }

        if (Main.RemoteTimedOut)
        {
            return CommitLookup.RemoteSilent;
        }

        try
        {
            await git.RunRawAsync(["fetch", "--quiet", "--no-tags", remote, sha], quiet: true, throwOnFailure: false, cancellationToken, timeout);
        }
        catch (ToolFailedException exception) when (exception.TimedOut)
        {
            return CommitLookup.RemoteSilent;
        }

        return await IsCommitAsync(sha, cancellationToken) ? CommitLookup.Present : CommitLookup.Missing;
    }

    /// <summary>True when <paramref name="older"/> is an ancestor of <paramref name="newer"/> (and not the same commit).</summary>
    public async Task<bool> IsStrictAncestorAsync(string older, string newer, CancellationToken cancellationToken) =>
        older != newer && (await git.RunRawAsync(["merge-base", "--is-ancestor", older, newer], quiet: true, throwOnFailure: false, cancellationToken)).ExitCode == 0;

    /// <summary>
    /// The commits from <paramref name="from"/> to <paramref name="to"/>, or, going back, those taken out: main's
    /// first-parent line only, so a merged MR is its merge commit, not every commit inside it.
    /// </summary>
    public async Task<RevisionRange> RangeAsync(string from, string to, string? remoteUrl, CancellationToken cancellationToken)
    {
        var backwards = await IsStrictAncestorAsync(to, from, cancellationToken);
        var range = backwards ? $"{to}..{from}" : $"{from}..{to}";
        var count = int.Parse((await git.RunAsync(["rev-list", "--first-parent", "--count", range], cancellationToken)).Trim(), CultureInfo.InvariantCulture);
        var listing = await git.RunAsync(["log", "--no-color", "--first-parent", $"--max-count={CommitsListed}", "--format=%H%x09%s", range], cancellationToken);
        var commits = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t', 2))
            .Select(parts => new RevisionCommit(parts[0], parts.Length > 1 ? parts[1] : string.Empty, CompareLink.ForCommit(remoteUrl, parts[0])))
            .ToList();
        return new RevisionRange(from, to, backwards, commits, count - commits.Count, CompareLink.For(remoteUrl, from, to));
    }

    private async Task<bool> IsCommitAsync(string sha, CancellationToken cancellationToken) =>
        (await git.RunRawAsync(["cat-file", "-e", sha + "^{commit}"], quiet: true, throwOnFailure: false, cancellationToken)).ExitCode == 0;
}
