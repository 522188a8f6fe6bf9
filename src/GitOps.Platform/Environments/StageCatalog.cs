using GitOps.Platform.Environments.Loading;

namespace GitOps.Platform.Environments;

/// <summary>
/// The stages, the environments (stage x cloud) they run and the order releases are promoted in, as declared in
/// <c>environments/stages.yaml</c>. Immutable; load it with <see cref="Load"/> or <see cref="Parse"/>.
/// </summary>
public sealed class StageCatalog
{
    private readonly Dictionary<Stage, StageDefinition> byStage;

    internal StageCatalog(
        string sourceFile, string clusterNamePattern, IReadOnlyList<StageDefinition> stages, IReadOnlyList<Promotion> promotions)
    {
        SourceFile = sourceFile;
        ClusterNamePattern = clusterNamePattern;
        Stages = stages;
        Promotions = promotions;
        byStage = stages.ToDictionary(definition => definition.Stage);
        Environments = [.. stages.SelectMany(definition => definition.Environments)];
        PromotionOrder = OrderOf(promotions);
    }

    /// <summary>The file the catalog was read from, as given to the loader (used in messages).</summary>
    public string SourceFile { get; }

    /// <summary>How environment clusters are named when registered with Argo CD, e.g. <c>eurodat-{stage}-{cloud}</c>.</summary>
    public string ClusterNamePattern { get; }

    public IReadOnlyList<StageDefinition> Stages { get; }

    public IReadOnlyList<EnvironmentId> Environments { get; }

    public IReadOnlyList<Promotion> Promotions { get; }

    /// <summary>The stages that take part in promotions, first to last (dev, qa, qa-int, prod).</summary>
    public IReadOnlyList<Stage> PromotionOrder { get; }

    /// <param name="path">The catalog file.</param>
    /// <param name="displayPath">How errors name it; default <paramref name="path"/>.</param>
    /// <exception cref="CatalogException">A usage error: missing, not a regular UTF-8 file, or invalid, each with its line.</exception>
    public static StageCatalog Load(string path, string? displayPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(CatalogFile.ReadText(path, displayPath ?? path), displayPath ?? path);
    }

    /// <param name="yaml">The catalog's text.</param>
    /// <param name="sourceFile">How errors name the file, e.g. <c>environments/stages.yaml</c>.</param>
    public static StageCatalog Parse(string yaml, string sourceFile) => new CatalogReader(sourceFile).Read(yaml);

    public StageDefinition Definition(Stage stage) => byStage[stage];

    public bool Contains(EnvironmentId environment) =>
        byStage.TryGetValue(environment.Stage, out var definition) && definition.Clouds.Contains(environment.Cloud);

    /// <summary>The stage a release on <paramref name="stage"/> is promoted to; null for the last stage and for stages outside promotions.</summary>
    public Stage? NextStage(Stage stage) =>
        Promotions.FirstOrDefault(promotion => promotion.From == stage) is { } next ? next.To : null;

    public Stage? PreviousStage(Stage stage) =>
        Promotions.FirstOrDefault(promotion => promotion.To == stage) is { } previous ? previous.From : null;

    /// <summary>
    /// Whether the stage runs a pinned revision of this repository (<see cref="ConfigurationPins"/>): every stage that
    /// receives promotions (qa, qa-int, prod). dev follows branches and nightly follows main.
    /// </summary>
    public bool IsPinned(Stage stage) => Promotions.Any(promotion => promotion.To == stage);

    public Cloud ManagementCloud(Stage stage) => Definition(stage).ManagementCloud;

    public bool RequiresSemVer(Stage stage) => Definition(stage).RequiresSemVer;

    /// <summary>Whether the pipeline opens the promotion merge request itself (true) or a person does (false).</summary>
    /// <exception cref="ArgumentException">When <paramref name="from"/> does not promote to <paramref name="to"/>.</exception>
    public bool IsPromotionAutomatic(Stage from, Stage to) =>
        Promotions.FirstOrDefault(promotion => promotion.From == from && promotion.To == to) is { } promotion
            ? promotion.IsAutomatic
            : throw new ArgumentException(
                $"{from.ToName()} does not promote to {to.ToName()}; the promotion order is {string.Join(" -> ", PromotionOrder.Select(EnvironmentNames.ToName))}",
                nameof(to));

    /// <summary>The name the environment's cluster is registered under in its stage's management Argo CD.</summary>
    public string ClusterName(EnvironmentId environment) => ClusterNamePattern
        .Replace("{stage}", environment.Stage.ToName(), StringComparison.Ordinal)
        .Replace("{cloud}", environment.Cloud.ToName(), StringComparison.Ordinal);

    private static List<Stage> OrderOf(IReadOnlyList<Promotion> promotions)
    {
        // The loader guarantees a single chain, so the one stage nothing promotes to is its start.
        var first = promotions.Select(promotion => promotion.From).Except(promotions.Select(promotion => promotion.To));
        var order = new List<Stage>();
        for (Stage? stage = first.Cast<Stage?>().FirstOrDefault(); stage is { } current; stage = NextOf(promotions, current))
        {
            order.Add(current);
        }

        return order;
    }

    private static Stage? NextOf(IReadOnlyList<Promotion> promotions, Stage stage) =>
        promotions.FirstOrDefault(promotion => promotion.From == stage)?.To;
}
