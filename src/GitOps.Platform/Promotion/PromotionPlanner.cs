using GitOps.Platform.Promotion.Pins;

namespace GitOps.Platform.Promotion;

/// <summary>
/// Decides what a promotion or release entry changes, or refuses it. Pure: it reads only what it is given.
/// </summary>
public static class PromotionPlanner
{
    /// <summary>Plans moving the source stage's release to the next stage (OpenPromotionMR --stage S).</summary>
    public static PromotionPlan Plan(PromotionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var next = request.NextStage ?? throw new PromotionRefusedException(RefusalReason.NoNextStage,
            $"Stage '{request.SourceStage}' is never promoted: it has no next stage (nightly is outside promotions, prod is the last stage); promote one of the stages before prod");
        RequireFiles(request.SourceStage, request.SourceFiles);
        RequireFiles(next, request.TargetFiles);

        var version = SourceVersion(request);
        var revision = request.SourcePins?.Revision();
        var edits = EditsFor(request.TargetFiles, version);
        var pinEdit = revision is not null && request.TargetPins is { } pins ? PinFileEdit.For(pins, revision) : null;
        var evidence = request.E2eRecords.Where(record => record.Stage == request.SourceStage).ToList();
        var warnings = new List<string>();
        if (edits.Count > 0 || pinEdit is not null)
        {
            warnings.AddRange(CheckE2e(request, version, revision, evidence));
            warnings.AddRange(CheckQuarantine(request.Rejected, version, revision, request.Force));
        }

        return new PromotionPlan(PromotionKind.Promotion, version, request.SourceStage, next, edits, evidence, warnings)
        {
            RequiresCodeOwnerApproval = request.TargetRequiresCodeOwnerApproval,
            Revision = revision,
            RevisionSource = request.SourcePins is { } source && revision is not null ? $"{source.Path}:{source.Pins[0].Line}" : null,
            PinEdit = pinEdit,
            TargetFiles = request.TargetFiles,
        };
    }

    /// <summary>
    /// Plans a new platform release entering <paramref name="targetStage"/> (OpenPromotionMR --version V). Where the stage
    /// is pinned (<paramref name="targetPins"/>), the pin moves to <paramref name="revision"/>, the caller's rule for the
    /// configuration a release enters with. The same release with a new revision is a configuration-only promotion.
    /// </summary>
    public static PromotionPlan PlanRelease(
        string version, string targetStage, IReadOnlyList<StageValuesFile> targetFiles, RejectedReleases rejected, bool force,
        StagePinFile? targetPins = null, string? revision = null)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var release = ReleaseVersion.Parse(version?.Trim() ?? string.Empty, "--version");
        RequireFiles(targetStage, targetFiles);
        var edits = EditsFor(targetFiles, release);
        var pinEdit = revision is not null && targetPins is not null ? PinFileEdit.For(targetPins, revision) : null;
        var warnings = edits.Count > 0 || pinEdit is not null ? CheckQuarantine(rejected, release, revision, force) : [];
        return new PromotionPlan(PromotionKind.Release, release, null, targetStage, edits, [], warnings)
        {
            Revision = targetPins is null ? null : revision,
            PinEdit = pinEdit,
            TargetFiles = targetFiles,
        };
    }

    /// <summary>The edits setting every file to <paramref name="version"/>; files already there are left out.</summary>
    internal static List<ValuesFileEdit> EditsFor(IReadOnlyList<StageValuesFile> files, ReleaseVersion version)
    {
        var edits = new List<ValuesFileEdit>();
        foreach (var file in files)
        {
            var current = file.ReadRelease();
            if (ReleaseVersion.TryParse(current, out var parsed) && parsed.Equals(version))
            {
                continue;
            }

            var edited = file.WithRelease(file.Text, version.ToString());
            edits.Add(new ValuesFileEdit(file.Cloud, file.Path, current, version.ToString(), file.Text, edited) { File = file });
        }

        return edits;
    }

    internal static void RequireFiles(string stage, IReadOnlyList<StageValuesFile> files)
    {
        if (files.Count == 0)
        {
            throw new PromotionRefusedException(RefusalReason.NoValuesFiles,
                $"Stage '{stage}' has no values files (environments/values-{stage}-<cloud>.yaml); add one per cloud first");
        }
    }

    internal static string[] CheckQuarantine(RejectedReleases rejected, ReleaseVersion version, string? revision, bool force)
    {
        if (rejected.Find(version, revision) is not { } entry)
        {
            return [];
        }

        var what = entry.Revision is null ? $"Release {version}" : $"Release {version} at {CommitRevision.Abbreviate(entry.Revision)}";
        var message = $"{what} is rejected ({RejectedReleases.RelativePath}): {entry.Reason} on {entry.Stage}-{entry.Cloud}";
        return force ? [$"--force: promoting although {message}."]
            : throw new PromotionRefusedException(RefusalReason.Rejected, $"{message}; fix it in a new release, remove the entry, or use --force");
    }

    private static ReleaseVersion SourceVersion(PromotionRequest request)
    {
        var versions = request.SourceFiles
            .Select(file => (file.Cloud, Text: file.ReadRelease(), Path: $"{file.Path} {file.ReleaseKey}"))
            .ToList();
        if (versions.Select(version => version.Text).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            var listed = string.Join(", ", versions.Select(version => $"{version.Cloud}: {version.Text}"));
            throw new PromotionRefusedException(RefusalReason.InconsistentSource,
                $"Stage '{request.SourceStage}' runs different releases per cloud ({listed}); promote once every cloud runs the same release");
        }

        return ReleaseVersion.Parse(versions[0].Text, versions[0].Path);
    }

    private static List<string> CheckE2e(PromotionRequest request, ReleaseVersion version, string? revision, List<E2eRecord> evidence)
    {
        var tested = revision is null ? version.ToString() : new ReleasePair(version, revision).ToString();
        var failed = new List<string>();
        var missing = new List<string>();
        foreach (var file in request.SourceFiles)
        {
            var environment = $"{request.SourceStage}-{file.Cloud}";
            var record = evidence.FirstOrDefault(candidate => candidate.Cloud == file.Cloud);
            if (record is null || !ReleaseVersion.TryParse(record.Version, out var release) || !release.Equals(version)
                || (revision is not null && record.Revision != revision))
            {
                missing.Add(record is null ? $"{environment} has no e2e record" : $"{environment} was last tested on {record.Tested}");
            }
            else if (record.Result != E2eResult.Passed)
            {
                failed.Add($"e2e failed on {environment} ({record.Summary})");
            }
        }

        var problems = failed.Concat(missing).ToList();
        if (problems.Count == 0)
        {
            return [];
        }

        var message = $"{string.Join("; ", problems)} for {(revision is null ? "release" : "the pair")} {tested}";
        return request.Force ? [$"--force: promoting without passing e2e tests: {message}."]
            : throw new PromotionRefusedException(failed.Count > 0 ? RefusalReason.E2eFailed : RefusalReason.E2eMissing,
                $"Not promoting {request.SourceStage} -> {request.NextStage}: {message}; run RunE2E for {request.SourceStage}, or use --force");
    }
}
