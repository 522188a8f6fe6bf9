using System.Text.Json;
using System.Text.Json.Nodes;
using GitOps.Platform.ArgoCd.Internal;

namespace GitOps.Platform.ArgoCd;

public sealed partial record ArgoApplication
{
    /// <summary>What the Application should deploy: each of <c>spec.sources</c> when it has any, else <c>spec.source</c>.</summary>
    public IReadOnlyList<JsonElement> TargetSources { get; init; } = [];

    /// <summary>
    /// What the controller last compared the cluster with (<c>status.sync.comparedTo.source(s)</c>). Sync and health
    /// describe that, so they say nothing about a spec changed since: an old revision can still read Synced/Healthy.
    /// </summary>
    public IReadOnlyList<JsonElement> ComparedSources { get; init; } = [];

    /// <summary>
    /// The controller's sync status is about the current spec source(s). Argo CD writes comparedTo from its Go types,
    /// not the stored spec: empty fields ("", false, []) are dropped and a multi-source Application also carries
    /// <c>"source":{"repoURL":""}</c>, so both sides are compared with empty values left out.
    /// </summary>
    public bool ComparedToTarget =>
        TargetSources.Count > 0
        && TargetSources.Count == ComparedSources.Count
        && TargetSources.Zip(ComparedSources).All(pair => SameSource(pair.First, pair.Second));

    /// <summary>
    /// The source(s) the last operation synced (<c>status.operationState.syncResult.source(s)</c>, which automated sync
    /// also goes by); empty when it recorded none.
    /// </summary>
    public IReadOnlyList<JsonElement> SyncResultSources { get; init; } = [];

    /// <summary>
    /// The last operation was about the current spec source(s). One that recorded no source (it failed before syncing
    /// anything) is taken as about the current spec; one for older helm values or another revision is not.
    /// </summary>
    public bool OperationForTarget =>
        SyncResultSources.All(source => WithoutEmpty(source) is null)
        || (TargetSources.Count == SyncResultSources.Count && TargetSources.Zip(SyncResultSources).All(pair => SameSource(pair.First, pair.Second)));

    /// <summary>
    /// A sync must be requested: not Synced, or Synced for another source than the spec asks for. Otherwise a refresh
    /// is enough (automated sync follows new commits itself), and no sync hook (the PostSync e2e trigger) runs again.
    /// </summary>
    public bool NeedsSync => SyncStatus != "Synced" || !ComparedToTarget;

    // As Argo CD's HasMultipleSources: spec.sources wins when it is not empty; comparedTo follows the same rule.
    private static IReadOnlyList<JsonElement> SourcesOf(JsonElement owner) =>
        owner.Child("sources") is { ValueKind: JsonValueKind.Array } sources && sources.GetArrayLength() > 0
            ? [.. sources.Items().Select(source => source.Clone())]
            : owner.Child("source").ValueKind == JsonValueKind.Object ? [owner.Child("source").Clone()] : [];

    // The whole source: repoURL, path, chart, targetRevision, ref, and helm (values, valueFiles, parameters, ...),
    // plugin (name, env, parameters), kustomize and directory. A change of any of them is a new desired state.
    private static bool SameSource(JsonElement target, JsonElement compared) =>
        JsonNode.DeepEquals(WithoutEmpty(target), WithoutEmpty(compared));

    // Go's omitempty: "", false, 0, [] and {} say the same as an absent field.
    private static JsonNode? WithoutEmpty(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject()
            .Select(property => (property.Name, Value: WithoutEmpty(property.Value)))
            .Where(property => property.Value is not null)
            .Aggregate((JsonObject?)null, (result, property) => { result ??= []; result[property.Name] = property.Value; return result; }),
        JsonValueKind.Array => element.GetArrayLength() == 0 ? null : new JsonArray([.. element.EnumerateArray().Select(item => WithoutEmpty(item) ?? JsonValue.Create(string.Empty))]),
        JsonValueKind.String => element.GetString() is { Length: > 0 } text ? JsonValue.Create(text) : null,
        JsonValueKind.True => JsonValue.Create(true),
        JsonValueKind.Number => element.GetDouble() == 0 ? null : JsonNode.Parse(element.GetRawText()),
        _ => null,
    };
}
