using System.Text.Json;
using GitOps.Platform.ArgoCd.Internal;

namespace GitOps.Platform.ArgoCd;

public sealed partial record ArgoApplication
{
    private static readonly string[] SourceFields = ["repoURL", "path", "chart", "targetRevision", "ref"];

    /// <summary>What the Application should deploy: <c>spec.source</c>, or each of <c>spec.sources</c>.</summary>
    public IReadOnlyList<JsonElement> TargetSources { get; init; } = [];

    /// <summary>
    /// What the controller last compared the cluster with (<c>status.sync.comparedTo.source(s)</c>). Sync and health
    /// describe that, so they say nothing about a spec changed since: an old revision can still read Synced/Healthy.
    /// </summary>
    public IReadOnlyList<JsonElement> ComparedSources { get; init; } = [];

    /// <summary>The controller's sync status is about the current spec source(s).</summary>
    public bool ComparedToTarget =>
        TargetSources.Count > 0
        && TargetSources.Count == ComparedSources.Count
        && TargetSources.Zip(ComparedSources).All(pair => SameSource(pair.First, pair.Second));

    /// <summary>
    /// A sync must be requested: not Synced, or Synced for another source than the spec asks for. Otherwise a refresh
    /// is enough (automated sync follows new commits itself), and no sync hook (the PostSync e2e trigger) runs again.
    /// </summary>
    public bool NeedsSync => SyncStatus != "Synced" || !ComparedToTarget;

    private static IReadOnlyList<JsonElement> SourcesOf(JsonElement owner) =>
        owner.Child("source").ValueKind == JsonValueKind.Object ? [owner.Child("source").Clone()]
        : [.. owner.Child("sources").Items().Select(source => source.Clone())];

    private static bool SameSource(JsonElement target, JsonElement compared) =>
        SourceFields.All(field => target.Text(field) == compared.Text(field))
        && SameOrAbsent(target.Child("helm"), compared.Child("helm"))
        && SameOrAbsent(target.Child("plugin"), compared.Child("plugin"));

    private static bool SameOrAbsent(JsonElement target, JsonElement compared) =>
        target.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
            ? compared.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
            : JsonElement.DeepEquals(target, compared);
}
