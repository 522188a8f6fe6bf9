using GitOps.Platform.Git;

namespace GitOps.Platform.Promotion;

/// <summary>
/// Plans setting a stage back to a release it ran before. Every values file of the stage must have held that release
/// in its git history: a rollback goes to something known to have run there, never to an untried version.
/// </summary>
public sealed class RollbackPlanner(GitCli git)
{
    private const int VersionsNamedInErrors = 8;

    public async Task<PromotionPlan> PlanAsync(
        string stage, string version, IReadOnlyList<StageValuesFile> files, RejectedReleases rejected, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(rejected);
        var target = ReleaseVersion.Parse(version?.Trim() ?? string.Empty, "--to");
        PromotionPlanner.RequireFiles(stage, files);
        foreach (var file in files)
        {
            var known = await HistoricalVersionsAsync(file.Path, cancellationToken);
            if (!known.Contains(target))
            {
                var listed = known.Count == 0 ? "no release" : string.Join(", ", known.Take(VersionsNamedInErrors));
                throw new PromotionRefusedException(RefusalReason.UnknownRollbackVersion,
                    $"Cannot roll back {stage} to {target}: {file.Path} never held it (its history has {listed}); roll back only to a release {stage}-{file.Cloud} ran");
            }
        }

        var edits = PromotionPlanner.EditsFor(files, target);
        var warnings = edits.Count > 0 ? PromotionPlanner.CheckQuarantine(rejected, target, force) : [];
        return new PromotionPlan(PromotionKind.Rollback, target, null, stage, edits, [], warnings);
    }

    /// <summary>The releases a values file held over its history, newest first.</summary>
    public async Task<IReadOnlyList<ReleaseVersion>> HistoricalVersionsAsync(string path, CancellationToken cancellationToken)
    {
        var versions = new List<ReleaseVersion>();
        foreach (var commit in await git.FileHistoryAsync(path, cancellationToken))
        {
            var text = await git.ShowFileAsync(commit, path, cancellationToken);
            if (text is not null && ReadVersion(text, $"{path}@{commit[..8]}") is { } held && !versions.Contains(held))
            {
                versions.Add(held);
            }
        }

        return versions;
    }

    // Old revisions may predate the key or hold something unparsable; they simply contribute no version.
    private static ReleaseVersion? ReadVersion(string text, string source)
    {
        try
        {
            return ReleaseVersion.TryParse(ValuesFileEditor.TryReadScalar(text, ValuesFileEditor.DeployedRelease, source), out var version)
                ? version : null;
        }
        catch (ValuesFileException)
        {
            return null;
        }
    }
}
