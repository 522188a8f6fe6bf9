using GitOps.Platform.Environments;
using GitOps.Platform.Promotion.Pins;

namespace GitOps.Platform.Promotion;

/// <summary>Gathers what the planners need from the working copy: the files holding releases, e2e records, the quarantine list.</summary>
public static class PromotionInputs
{
    public static async Task<IReadOnlyList<StageValuesFile>> ValuesFilesAsync(
        string repositoryRoot, IPromotionCatalog catalog, string stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var files = new List<StageValuesFile>();
        foreach (var (cloud, path, application) in catalog.ReleaseFiles(stage))
        {
            files.Add(await StageValuesFile.ReadAsync(repositoryRoot, cloud, path, cancellationToken) with { Application = application });
        }

        return files;
    }

    public static async Task<RejectedReleases> RejectedAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var path = Path.Combine(repositoryRoot, RejectedReleases.RelativePath);
        return File.Exists(path) ? RejectedReleases.Parse(await ValuesFileText.ReadAsync(path, cancellationToken)) : RejectedReleases.None;
    }

    /// <summary>The stage's app-of-apps file, whose chart source is the stage's pin; null where the stage has none.</summary>
    public static async Task<StagePinFile?> PinsAsync(string repositoryRoot, string stage, CancellationToken cancellationToken)
    {
        if (!EnvironmentNames.TryParseStage(stage, out var parsed) || !File.Exists(Path.Combine(repositoryRoot, EnvironmentLayout.AppOfAppsFile(parsed))))
        {
            return null;
        }

        return await StagePinFile.ReadAsync(repositoryRoot, stage, cancellationToken);
    }

    /// <summary>The request for OpenPromotionMR --stage <paramref name="stage"/>, read from the repository and .nuke/temp/e2e.</summary>
    public static async Task<PromotionRequest> ForStageAsync(
        string repositoryRoot, IPromotionCatalog catalog, string stage, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var next = catalog.NextStage(stage);
        var source = await ValuesFilesAsync(repositoryRoot, catalog, stage, cancellationToken);
        var target = next is null ? [] : await ValuesFilesAsync(repositoryRoot, catalog, next, cancellationToken);
        var records = await E2eRecordStore.ForRepository(repositoryRoot)
            .ReadStageAsync(stage, source.Select(file => file.Cloud), cancellationToken);
        return new PromotionRequest(stage, next, source, target, records, await RejectedAsync(repositoryRoot, cancellationToken))
        {
            SourcePins = await PinsAsync(repositoryRoot, stage, cancellationToken),
            TargetPins = next is null ? null : await PinsAsync(repositoryRoot, next, cancellationToken),
            Force = force,
            TargetRequiresCodeOwnerApproval = next is not null && catalog.RequiresCodeOwnerApproval(next),
        };
    }
}
