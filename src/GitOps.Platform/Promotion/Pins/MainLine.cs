using System.Globalization;
using GitOps.Platform.Git;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Promotion.Pins;

/// <summary>
/// Whether a commit is one main has been at: on the first-parent line of <c>refs/heads/main</c> as the remote has it now.
/// The root Applications track main, so a pin is safe only when main itself ran that tree; "an ancestor of HEAD" is not
/// enough, because in a merge request pipeline HEAD is the MR branch (refs/merge-requests/N/head), whose commits nobody
/// merged. First parent, because a commit that reached main only as the second parent of a merge (a feature branch's
/// C1, changed back in its C2) is an ancestor of main whose tree main never had. Only <c>main</c> is fetched, into
/// <c>refs/remotes/&lt;remote&gt;/main</c> as <c>git fetch</c> does. Without the remote (offline, no such remote) it checks
/// against <c>refs/remotes/&lt;remote&gt;/main</c> as last fetched, else the local <c>main</c>, and says so in
/// <see cref="MainReference.Note"/>; with neither it answers <see cref="MainLineAnswer.Unknown"/>, never yes.
/// </summary>
/// <param name="git">git in the clone holding the pins.</param>
/// <param name="remote">The remote whose main the root Applications track.</param>
/// <param name="fetchTimeout">How long the fetch of main may take before the offline fallback is used; 60 s when null.</param>
public sealed class MainLine(GitCli git, string remote = "origin", TimeSpan? fetchTimeout = null)
{
    /// <summary>Verify's bound: it is the offline default target, so an origin that never answers costs it 15 s, not a minute.</summary>
    public static readonly TimeSpan VerifyFetchTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The branch every root Application tracks (RootApplicationRule).</summary>
    public const string Branch = "main";

    /// <summary>What to do about a pin off main's line.</summary>
    public const string Advice = "pin a commit main has been at (its first-parent line), and move it only through the promotion merge request";

    /// <summary>How long a fetch of main (or of one pin, <see cref="RevisionHistory"/>) may take where no other bound is given.</summary>
    public static readonly TimeSpan DefaultFetchTimeout = TimeSpan.FromSeconds(60);

    // Verify and Render must not hang on a remote that drops packets; a fetch of one branch is quick when it answers.
    private readonly TimeSpan timeout = fetchTimeout ?? DefaultFetchTimeout;

    private Task<MainReference?>? reference;
    private string unavailable = string.Empty;
    private Dictionary<string, int>? firstParents;

    /// <summary>True once the fetch of main gave up on a remote that did not answer in time: asking it again would only wait as long again.</summary>
    public bool RemoteTimedOut { get; private set; }

    /// <summary>Which main the answers are about (fetched once per instance); null when this clone has none.</summary>
    public Task<MainReference?> ReferenceAsync(CancellationToken cancellationToken) => reference ??= ResolveAsync(cancellationToken);

    public async Task<MainLineAnswer> CheckAsync(string sha, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha);
        if (await ReferenceAsync(cancellationToken) is not { } main)
        {
            return MainLineAnswer.Unknown;
        }

        if (!await git.HasCommitAsync(sha, cancellationToken))
        {
            return MainLineAnswer.NotACommit;
        }

        if ((await FirstParentsAsync(main, cancellationToken)).ContainsKey(sha))
        {
            return MainLineAnswer.OnMain;
        }

        return await git.IsAncestorAsync(sha, main.Commit, cancellationToken) ? MainLineAnswer.MergedBranchOnly : MainLineAnswer.NotOnMain;
    }

    /// <summary>
    /// How many commits of main's first-parent line came after <paramref name="sha"/> (0: main itself), or null when it is
    /// not on that line or there is no main: two pins on the line are ordered by it without another git process.
    /// </summary>
    public async Task<int?> DistanceFromMainAsync(string sha, CancellationToken cancellationToken) =>
        await ReferenceAsync(cancellationToken) is { } main && (await FirstParentsAsync(main, cancellationToken)).TryGetValue(sha, out var distance) ? distance : null;

    /// <summary>Why <paramref name="sha"/> may not be pinned, to follow "pin &lt;sha&gt; ", or null when it is on main's line. The caller adds what to do.</summary>
    public async Task<string?> ProblemAsync(string sha, CancellationToken cancellationToken)
    {
        var answer = await CheckAsync(sha, cancellationToken);
        var main = await ReferenceAsync(cancellationToken);
        var shown = main is null ? Branch : $"{main.Shown} ({CommitRevision.Abbreviate(main.Commit)})";
        return answer switch
        {
            MainLineAnswer.OnMain => null,
            MainLineAnswer.Unknown => $"cannot be checked against {Branch}: {unavailable}, and there is neither refs/remotes/{remote}/{Branch} nor a local {Branch} (git fetch {remote} {Branch})",
            MainLineAnswer.NotACommit => $"is not a commit of this repository's history, nor on {shown}",
            MainLineAnswer.MergedBranchOnly => $"is on {shown} only through a merged branch, not on its first-parent line: {Branch} was never at that commit, so its tree never ran as {Branch}",
            _ => $"is not on {shown}: a commit of a merge request or another branch, which the root Application never syncs",
        };
    }

    // main's first-parent line, newest first, read once per instance (Verify's pin and pair rules share it).
    private async Task<Dictionary<string, int>> FirstParentsAsync(MainReference main, CancellationToken cancellationToken)
    {
        if (firstParents is null)
        {
            var line = (await git.RunAsync(["rev-list", "--first-parent", main.Commit], cancellationToken))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            firstParents = new Dictionary<string, int>(line.Length, StringComparer.Ordinal);
            for (var index = 0; index < line.Length; index++)
            {
                firstParents.TryAdd(line[index], index);
            }
        }

        return firstParents;
    }

    private async Task<MainReference?> ResolveAsync(CancellationToken cancellationToken)
    {
        var tracking = $"refs/remotes/{remote}/{Branch}";
        string? failure;
        if (await git.RemoteUrlAsync(remote, cancellationToken) is null)
        {
            failure = $"this clone has no remote {remote}";
        }
        else
        {
            // Not git's message: it can carry the remote's URL, credentials included.
            failure = $"{remote}'s {Branch} could not be fetched (offline, or {remote} refused)";
            try
            {
                var fetch = await git.RunRawAsync(["fetch", "--quiet", "--no-tags", remote, $"+refs/heads/{Branch}:{tracking}"], quiet: true, throwOnFailure: false, cancellationToken, timeout);
                if (fetch.Succeeded && await git.RevParseAsync($"{tracking}^{{commit}}", cancellationToken) is { } fetched)
                {
                    return new MainReference($"{remote}/{Branch}", fetched, null);
                }
            }
            catch (ToolFailedException exception) when (exception.TimedOut)
            {
                // The runner throws on its timeout whatever throwOnFailure says: an origin that accepts and never answers is offline too.
                RemoteTimedOut = true;
                failure = string.Create(CultureInfo.InvariantCulture, $"{remote}'s {Branch} could not be fetched ({remote} did not answer within {timeout.TotalSeconds:0} s)");
            }
        }

        foreach (var (name, shown) in new[] { (tracking, $"{remote}/{Branch}, as this clone last fetched it"), ($"refs/heads/{Branch}", $"the local branch {Branch}") })
        {
            if (await git.RevParseAsync($"{name}^{{commit}}", cancellationToken) is { } commit)
            {
                return new MainReference(shown, commit, $"{failure}; pins are checked against {shown} ({CommitRevision.Abbreviate(commit)})");
            }
        }

        unavailable = failure;
        return null;
    }
}
