using GitOps.Platform.Environments;

namespace GitOps.Platform.Promotion;

/// <summary>
/// The stage catalog (environments/stages.yaml) as promotion sees it. A stage entered by a manual promotion (prod)
/// needs code-owner approval; the stage a platform release enters (qa) is where <c>--version</c> lands.
/// </summary>
public sealed class CatalogPromotionStages(StageCatalog catalog) : IPromotionCatalog
{
    public static CatalogPromotionStages Load(string repositoryRoot) =>
        new(StageCatalog.Load(EnvironmentLayout.Resolve(repositoryRoot, EnvironmentLayout.StagesFile)));

    public StageCatalog Catalog { get; } = catalog;

    /// <summary>The stage a new platform release enters: the target of the platform-release promotion.</summary>
    public string ReleaseEntryStage =>
        Catalog.Promotions.FirstOrDefault(promotion => promotion.Trigger == PromotionTrigger.PlatformRelease) is { } entry
            ? entry.To.ToName()
            : throw new PromotionRefusedException(RefusalReason.NoNextStage,
                $"{Catalog.SourceFile}: no promotion has trigger platform-release, so a release has no stage to enter; add one");

    public string? NextStage(string stage) => Catalog.NextStage(Parse(stage))?.ToName();

    public IReadOnlyList<(string Cloud, string Path)> ValuesFiles(string stage) =>
        [.. Catalog.Definition(Parse(stage)).Environments.Select(environment => (environment.Cloud.ToName(), EnvironmentLayout.ValuesFile(environment)))];

    public IReadOnlyList<(string Cloud, string Path, string? Application)> ReleaseFiles(string stage)
    {
        var parsed = Parse(stage);
        return [.. Catalog.Definition(parsed).Environments.Select(environment => Catalog.IsPinned(parsed)
            ? (environment.Cloud.ToName(), EnvironmentLayout.AppOfAppsFile(parsed), (string?)ParentReleases.ApplicationName(environment))
            : (environment.Cloud.ToName(), EnvironmentLayout.ValuesFile(environment), null))];
    }

    public bool RequiresCodeOwnerApproval(string stage)
    {
        var target = Parse(stage);
        return Catalog.PreviousStage(target) is { } previous && !Catalog.IsPromotionAutomatic(previous, target);
    }

    private static Stage Parse(string stage) => EnvironmentNames.TryParseStage(stage, out var parsed)
        ? parsed
        : throw new PromotionRefusedException(RefusalReason.NoNextStage,
            $"unknown stage '{stage}'; allowed: {string.Join(", ", EnvironmentNames.StageNames)}");
}
