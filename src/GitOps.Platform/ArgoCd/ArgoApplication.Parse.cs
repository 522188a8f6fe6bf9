using System.Globalization;
using System.Text.Json;
using GitOps.Platform.ArgoCd.Internal;

namespace GitOps.Platform.ArgoCd;

public sealed partial record ArgoApplication
{
    private const string SyncWaveAnnotation = "argocd.argoproj.io/sync-wave";

    /// <summary>Reads an Application as the API server returns it (missing fields are simply empty).</summary>
    public static ArgoApplication Parse(JsonElement resource)
    {
        var metadata = resource.Child("metadata");
        var status = resource.Child("status");
        var operationState = status.Child("operationState");
        return new ArgoApplication
        {
            Name = metadata.Text("name"),
            Namespace = metadata.Text("namespace", ArgoCdNames.DefaultNamespace),
            ResourceVersion = metadata.Text("resourceVersion"),
            Labels = metadata.Child("labels").Strings(),
            Annotations = metadata.Child("annotations").Strings(),
            Finalizers = [.. metadata.Child("finalizers").Items().Select(item => item.GetString() ?? string.Empty)],
            DeletionTimestamp = metadata.Text("deletionTimestamp") is { Length: > 0 } deleted ? deleted : null,
            SyncWave = int.TryParse(metadata.Child("annotations").Text(SyncWaveAnnotation), NumberStyles.Integer, CultureInfo.InvariantCulture, out var wave) ? wave : 0,
            DestinationName = resource.Child("spec").Child("destination").Text("name"),
            DestinationServer = resource.Child("spec").Child("destination").Text("server"),
            AutomatedSync = resource.Child("spec").Child("syncPolicy").Child("automated").ValueKind == JsonValueKind.Object,
            OperationRequested = resource.Child("operation").ValueKind == JsonValueKind.Object,
            SyncStatus = status.Child("sync").Text("status"),
            SyncRevision = status.Child("sync").Text("revision"),
            TargetSources = SourcesOf(resource.Child("spec")),
            ComparedSources = SourcesOf(status.Child("sync").Child("comparedTo")),
            SyncResultSources = SourcesOf(operationState.Child("syncResult")),
            HealthStatus = status.Child("health").Text("status"),
            HealthMessage = status.Child("health").Text("message"),
            OperationPhase = operationState.Text("phase"),
            OperationMessage = operationState.Text("message"),
            OperationStartedAt = operationState.Text("startedAt"),
            OperationFinishedAt = Time(operationState.Text("finishedAt")),
            ReconciledAt = Time(status.Text("reconciledAt")),
            Conditions = [.. status.Child("conditions").Items().Select(item => new ArgoCondition(item.Text("type"), item.Text("message")))],
            Resources = [.. status.Child("resources").Items().Select(Resource)],
            SyncResultResources = [.. operationState.Child("syncResult").Child("resources").Items().Select(Resource)],
        };
    }

    private static ArgoResourceStatus Resource(JsonElement item) => new(
        item.Text("kind"), item.Text("namespace"), item.Text("name"),
        item.Text("status") is { Length: > 0 } status ? status : item.Text("hookPhase"),
        item.Child("health").Text("status"),
        item.Text("message") is { Length: > 0 } message ? message : item.Child("health").Text("message"));

    private static DateTimeOffset? Time(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
