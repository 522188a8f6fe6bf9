using GitOps.Platform.Environments;
using GitOps.Platform.Git;
using GitOps.Platform.Promotion;
using GitOps.Platform.Promotion.Pins;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// GO047: a promoted stage's pair (release and pin) moves only as OpenPromotionMR or Rollback would move it. Where the
/// working tree's pair of an environment differs from the one its stage's parent file has on main (the main PinRule
/// checked against: origin's, else as last fetched, else the local one), the new pair must be one the previous stage's
/// parent file held on main's first-parent line (the release entry for the first promoted stage: any release, at a pin
/// GO041 accepts) and not older than the stage's pair on main, or one this stage's own parent file held there before (a
/// rollback). Either way it must not be quarantined in <see cref="RejectedReleases.RelativePath"/>, as the working tree
/// or main lists it. Without main GO041 already reports every pin, and a stage whose pin failed GO040/GO041 is not
/// checked again. The e2e records that gate OpenPromotionMR are job artifacts, not in the repository: not checked here.
/// </summary>
internal static class PairRule
{
    public static async Task CheckAsync(
        VerificationContext context, GitCli git, MainLine main, IReadOnlySet<Stage> pinsChecked, CancellationToken cancellationToken)
    {
        if (pinsChecked.Count == 0 || await main.ReferenceAsync(cancellationToken) is not { } reference)
        {
            return;
        }

        var moved = new List<(StageDefinition Stage, StagePair Working, StagePair? OnMain, List<EnvironmentId> Environments)>();
        foreach (var stage in context.Catalog.Stages.Where(definition => pinsChecked.Contains(definition.Stage)))
        {
            var file = EnvironmentLayout.AppOfAppsFile(stage.Stage);
            if (StagePair.Read(File.ReadAllText(context.Files.FullPath(file)), file, stage) is not { } working)
            {
                continue;
            }

            var onMain = await git.ShowFileAsync(reference.Commit, file, cancellationToken) is { } text ? StagePair.Read(text, file, stage) : null;
            var environments = working.Releases.Keys
                .Where(environment => onMain is null || onMain.Pin.Sha != working.Pin.Sha
                    || !onMain.Releases.TryGetValue(environment, out var release) || release.Value != working.Releases[environment].Value)
                .ToList();
            if (environments.Count > 0)
            {
                moved.Add((stage, working, onMain, environments));
            }
        }

        if (moved.Count == 0)
        {
            return;
        }

        var rejected = Rejected(context, await git.ShowFileAsync(reference.Commit, RejectedReleases.RelativePath, cancellationToken));
        var histories = new Dictionary<Stage, Task<List<StagePair>>>();
        Task<List<StagePair>> History(StageDefinition stage) => histories.TryGetValue(stage.Stage, out var known) ? known
            : histories[stage.Stage] = HeldAsync(git, reference.Commit, stage, cancellationToken);

        foreach (var (stage, working, onMain, environments) in moved)
        {
            var previous = context.Catalog.PreviousStage(stage.Stage) is { } before && context.Catalog.IsPinned(before) ? context.Catalog.Definition(before) : null;
            var held = await History(stage);
            var offered = previous is null ? null : await History(previous);
            foreach (var environment in environments)
            {
                var release = working.Releases[environment];
                var pair = new ReleasePair(Promotion.ReleaseVersion.Parse(release.Value), working.Pin.Sha);
                var (file, line) = onMain?.Releases.TryGetValue(environment, out var was) == true && was.Value == release.Value
                    ? (working.Pin.File, working.Pin.Line) : (release.File, release.Line);
                var from = onMain?.Releases.TryGetValue(environment, out var current) == true ? $"{current.Value} at {CommitRevision.Abbreviate(onMain.Pin.Sha)}" : "nothing";
                var move = $"{environment} moves from {from} on {reference.Shown} to {pair}";
                if (rejected.Find(pair.Release, pair.Revision) is { } entry)
                {
                    context.Sink.Add(file, line, RuleIds.PairNotPromoted,
                        $"{move}, which is quarantined ({RejectedReleases.RelativePath}: {entry.Reason} on {entry.Stage}-{entry.Cloud}); fix it in a new release, or lift the quarantine by merge request first");
                    continue;
                }

                if (held.Any(version => version.Pin.Sha == pair.Revision && version.Releases.TryGetValue(environment, out var ran) && ran.Value == release.Value))
                {
                    continue; // a rollback to a pair it ran
                }

                var rollback = $"Rollback --stage {stage.Stage.ToName()} --to <release> returns only to a pair it ran";
                var promotion = previous is null
                    ? $"OpenPromotionMR --version <release> (the release entry) moves {stage.Stage.ToName()}"
                    : $"OpenPromotionMR --stage {previous.Stage.ToName()} moves it to what {previous.Stage.ToName()} ran";
                var isOffered = offered is null || offered.Any(version => version.Pin.Sha == pair.Revision && version.CommonRelease == release.Value);
                if (!isOffered)
                {
                    context.Sink.Add(file, line, RuleIds.PairNotPromoted,
                        $"{move}, a pair {previous!.Stage.ToName()} never ran on {reference.Shown}'s first-parent line and {stage.Stage.ToName()} never ran before; {promotion}, {rollback}");
                }
                else if (onMain is not null && await OlderAsync(main, pair, onMain, environment, cancellationToken) is { } older)
                {
                    context.Sink.Add(file, line, RuleIds.PairNotPromoted,
                        $"{move}, {older} than it runs there, which {stage.Stage.ToName()} never ran; {rollback}");
                }
            }
        }
    }

    /// <summary>The pairs the stage's parent file named on main's first-parent line, newest first, main's own included.</summary>
    private static async Task<List<StagePair>> HeldAsync(GitCli git, string mainCommit, StageDefinition stage, CancellationToken cancellationToken)
    {
        var file = EnvironmentLayout.AppOfAppsFile(stage.Stage);
        return [.. (await ParentFileHistory.TextsAsync(git, mainCommit, file, cancellationToken))
            .Select(text => StagePair.Read(text, file, stage)).OfType<StagePair>()];
    }

    private static async Task<string?> OlderAsync(MainLine main, ReleasePair pair, StagePair onMain, EnvironmentId environment, CancellationToken cancellationToken)
    {
        var olderRelease = onMain.Releases.TryGetValue(environment, out var current) && Promotion.ReleaseVersion.TryParse(current.Value, out var running) && pair.Release < running;
        var olderPin = await main.DistanceFromMainAsync(pair.Revision, cancellationToken) is { } next
            && await main.DistanceFromMainAsync(onMain.Pin.Sha, cancellationToken) is { } now && next > now;
        return olderRelease && olderPin ? "an older release and an older revision" : olderRelease ? "an older release" : olderPin ? "an older revision" : null;
    }

    // Both lists count: a branch made before a quarantine merged does not have its entry, and lifting one takes its own merge request.
    private static RejectedReleases Rejected(VerificationContext context, string? onMain)
    {
        var entries = new List<RejectedRelease>();
        foreach (var text in new[] { context.Files.Exists(RejectedReleases.RelativePath) ? File.ReadAllText(context.Files.FullPath(RejectedReleases.RelativePath)) : null, onMain })
        {
            try
            {
                entries.AddRange(RejectedReleases.Parse(text).Entries);
            }
            catch (ValuesFileException exception)
            {
                context.Sink.Add(RejectedReleases.RelativePath, 1, RuleIds.PairNotPromoted, $"cannot be read, so no pair can be checked against the quarantine: {exception.Message}");
            }
        }

        return new RejectedReleases(entries);
    }
}
