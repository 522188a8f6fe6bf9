using GitOps.Platform.Git;
using GitOps.Platform.Promotion.Pins;

namespace GitOps.Platform.Promotion;

/// <summary>
/// Plans setting a stage back to a release, or a pair, it ran before. Every values file of the stage must have held that
/// release in its git history: a rollback goes to something known to have run there, never to an untried version. Where
/// the stage is pinned, the pair (release and pin) returns: one its parent file held on main's first-parent line (what
/// the root Application synced, not a merged branch's inner commits). <c>--to RELEASE@SHA</c> names the pair; the
/// release alone takes the newest such pair with that release that differs from what the stage runs now, so a
/// configuration-only promotion (same release, new pin) can be undone with <c>--to</c> and the release it kept.
/// A rollback that would change nothing is refused (exit 2): it is a mistake in what was asked, not a success.
/// </summary>
public sealed class RollbackPlanner(GitCli git)
{
    private const int VersionsNamedInErrors = 8;

    /// <summary>The stage's app-of-apps file; null for a stage without pins (the release alone goes back).</summary>
    public StagePinFile? Pins { get; init; }

    public async Task<PromotionPlan> PlanAsync(
        string stage, string version, IReadOnlyList<StageValuesFile> files, RejectedReleases rejected, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(rejected);
        var asked = RollbackTarget.Parse(version?.Trim() ?? string.Empty, "--to");
        var target = asked.Release;
        PromotionPlanner.RequireFiles(stage, files);
        if (asked.Revision is not null && Pins is null)
        {
            throw new PromotionRefusedException(RefusalReason.UnknownRollbackVersion,
                $"Cannot roll back {stage} to {asked}: {stage} is not pinned, so --to takes a release only (e.g. --to {target})");
        }

        foreach (var file in files)
        {
            var known = await HistoricalVersionsAsync(file, cancellationToken);
            if (!known.Contains(target))
            {
                var listed = known.Count == 0 ? "no release" : string.Join(", ", known.Take(VersionsNamedInErrors));
                throw new PromotionRefusedException(RefusalReason.UnknownRollbackVersion,
                    $"Cannot roll back {stage} to {target}: {file.Path} never held it (its history has {listed}); roll back only to a release {stage}-{file.Cloud} ran");
            }
        }

        var edits = PromotionPlanner.EditsFor(files, target);
        var revision = Pins is { } pins ? await ChoosePinAsync(stage, asked, files, pins, cancellationToken) : null;
        var pinEdit = revision is not null ? PinFileEdit.For(Pins!, revision) : null;
        if (edits.Count == 0 && pinEdit is null)
        {
            throw new PromotionRefusedException(RefusalReason.NothingToRollBack,
                $"Not rolling back {stage}: it already runs {(revision is null ? target.ToString() : new ReleasePair(target, revision).ToString())}, so --to {asked} changes nothing; "
                + "name an earlier release or pair (--to RELEASE@SHA)");
        }

        var warnings = PromotionPlanner.CheckQuarantine(rejected, target, revision, force);
        return new PromotionPlan(PromotionKind.Rollback, target, null, stage, edits, [], warnings)
        {
            Revision = revision,
            PinEdit = pinEdit,
            TargetFiles = files,
        };
    }

    /// <summary>
    /// The pin to return to: the one asked for, when the stage ran that pair; otherwise the pin of the newest pair with
    /// the release that differs from the current one (the current pin when no other pair had the release: nothing to do).
    /// </summary>
    private async Task<string> ChoosePinAsync(string stage, RollbackTarget asked, IReadOnlyList<StageValuesFile> files, StagePinFile pins, CancellationToken cancellationToken)
    {
        var history = await PairHistoryAsync(files, pins, cancellationToken);
        var listed = history.Count == 0 ? "none with a pinned commit" : string.Join(", ", history.Take(VersionsNamedInErrors).Select(pair => $"{pair.Release}@{pair.Revision}"));
        if (asked.Revision is { } named)
        {
            return history.Contains(new ReleasePair(asked.Release, named)) ? named
                : throw new PromotionRefusedException(RefusalReason.UnknownRollbackVersion,
                    $"Cannot roll back {stage} to {asked}: on main's first-parent line {pins.Path} never held that pair (newest first: {listed}); roll back only to a pair {stage} ran");
        }

        var current = CurrentPair(files, pins);
        var withRelease = history.Where(pair => pair.Release.Equals(asked.Release)).ToList();
        return withRelease.FirstOrDefault(pair => pair != current)?.Revision
            ?? withRelease.FirstOrDefault()?.Revision
            ?? throw new PromotionRefusedException(RefusalReason.UnknownRollbackVersion,
                $"Cannot roll back {stage} to {asked.Release}: on main's first-parent line {pins.Path} never pinned a commit while {stage} ran it (pairs held: {listed}); roll back to a pair {stage} ran since");
    }

    private static ReleasePair? CurrentPair(IReadOnlyList<StageValuesFile> files, StagePinFile pins)
    {
        var releases = files.Select(file => ReadVersion(file, file.Text, file.Path)).Distinct().ToList();
        var revisions = pins.Pins.Select(pin => pin.Revision).Distinct(StringComparer.Ordinal).ToList();
        return releases is [{ } release] && revisions is [var revision] ? new ReleasePair(release, revision) : null;
    }

    /// <summary>
    /// The pairs the stage held, newest first, each once: the walk goes over main's first-parent commits that touched
    /// the values files or the pin file (a merged promotion is its merge commit, never the branch's own commit) and reads
    /// both at each. A commit where the files disagree, or the pin is not one full SHA, names no pair.
    /// </summary>
    private async Task<IReadOnlyList<ReleasePair>> PairHistoryAsync(IReadOnlyList<StageValuesFile> files, StagePinFile pins, CancellationToken cancellationToken)
    {
        var paths = files.Select(file => file.Path).Append(pins.Path).Distinct(StringComparer.Ordinal).ToList();
        var commits = (await git.RunAsync(["log", "--first-parent", "--format=%H", "HEAD", "--", .. paths], cancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var pairs = new List<ReleasePair>();
        foreach (var commit in commits)
        {
            var releases = new HashSet<ReleaseVersion>();
            foreach (var file in files)
            {
                var text = await git.ShowFileAsync(commit, file.Path, cancellationToken);
                if (text is not null && ReadVersion(file, text, $"{file.Path}@{commit[..8]}") is { } held)
                {
                    releases.Add(held);
                }
                else
                {
                    releases.Clear();
                    break;
                }
            }

            if (releases.Count == 1 && await PinAtAsync(commit, pins.Path, cancellationToken) is { } revision
                && new ReleasePair(releases.Single(), revision) is var pair && !pairs.Contains(pair))
            {
                pairs.Add(pair);
            }
        }

        return pairs;
    }

    private async Task<string?> PinAtAsync(string commit, string path, CancellationToken cancellationToken)
    {
        var text = await git.ShowFileAsync(commit, path, cancellationToken);
        try
        {
            var revisions = text is null ? [] : PinFileEditor.Read(text, $"{path}@{commit[..8]}").Select(pin => pin.Revision).Distinct(StringComparer.Ordinal).ToList();
            return revisions.Count == 1 && CommitRevision.IsFull(revisions[0]) ? revisions[0] : null;
        }
        catch (ValuesFileException)
        {
            return null; // an old revision of the file that cannot be read names no pin
        }
    }

    /// <summary>The releases the file holding an environment's release held over its history, newest first.</summary>
    public async Task<IReadOnlyList<ReleaseVersion>> HistoricalVersionsAsync(StageValuesFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = file.Path;
        var versions = new List<ReleaseVersion>();
        foreach (var commit in await git.FileHistoryAsync(path, cancellationToken))
        {
            var text = await git.ShowFileAsync(commit, path, cancellationToken);
            if (text is not null && ReadVersion(file, text, $"{path}@{commit[..8]}") is { } held && !versions.Contains(held))
            {
                versions.Add(held);
            }
        }

        return versions;
    }

    // Old revisions may predate the key or hold something unparsable; they simply contribute no version.
    private static ReleaseVersion? ReadVersion(StageValuesFile file, string text, string source)
    {
        try
        {
            return ReleaseVersion.TryParse(file.TryReadRelease(text, source), out var version)
                ? version : null;
        }
        catch (ValuesFileException)
        {
            return null;
        }
    }
}
