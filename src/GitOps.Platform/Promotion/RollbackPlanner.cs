using GitOps.Platform.Git;
using GitOps.Platform.Promotion.Pins;

namespace GitOps.Platform.Promotion;

/// <summary>
/// Plans setting a stage back to a release it ran before. Every values file of the stage must have held that release
/// in its git history: a rollback goes to something known to have run there, never to an untried version. Where the
/// stage is pinned, the pin returns too: to the commit it held the last time the stage ran that release.
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
        var target = ReleaseVersion.Parse(version?.Trim() ?? string.Empty, "--to");
        PromotionPlanner.RequireFiles(stage, files);
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
        var revision = Pins is { } pins ? await PinnedWithAsync(stage, target, files, pins, cancellationToken) : null;
        var pinEdit = revision is not null ? PinFileEdit.For(Pins!, revision) : null;
        var warnings = edits.Count > 0 || pinEdit is not null ? PromotionPlanner.CheckQuarantine(rejected, target, revision, force) : [];
        return new PromotionPlan(PromotionKind.Rollback, target, null, stage, edits, [], warnings)
        {
            Revision = revision,
            PinEdit = pinEdit,
            TargetFiles = files,
        };
    }

    /// <summary>
    /// The pin the stage had the last time every one of its values files held <paramref name="target"/>: the walk goes
    /// over the commits that touched those files or the pin file, newest first, and reads both at each.
    /// </summary>
    private async Task<string> PinnedWithAsync(string stage, ReleaseVersion target, IReadOnlyList<StageValuesFile> files, StagePinFile pins, CancellationToken cancellationToken)
    {
        var paths = files.Select(file => file.Path).Append(pins.Path).Distinct(StringComparer.Ordinal).ToList();
        var commits = (await git.RunAsync(["log", "--format=%H", "HEAD", "--", .. paths], cancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var commit in commits)
        {
            var held = true;
            foreach (var file in files)
            {
                var text = await git.ShowFileAsync(commit, file.Path, cancellationToken);
                held &= text is not null && ReadVersion(file, text, $"{file.Path}@{commit[..8]}") is { } version && version.Equals(target);
            }

            if (held && await PinAtAsync(commit, pins.Path, cancellationToken) is { } revision)
            {
                return revision;
            }
        }

        throw new PromotionRefusedException(RefusalReason.UnknownRollbackVersion,
            $"Cannot roll back {stage} to {target}: {pins.Path} never pinned a commit while {stage} ran it (the release predates pins); roll back to a pair {stage} ran since");
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
