namespace GitOps.Platform.ArgoCd;

/// <summary>
/// What we read of an Argo CD Application custom object: identity, deletion state, and the status the controller
/// reports (sync, health, the current or last operation, conditions, managed resources).
/// </summary>
public sealed partial record ArgoApplication
{
    public required string Name { get; init; }

    public string Namespace { get; init; } = ArgoCdNames.DefaultNamespace;

    public string ResourceVersion { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Finalizers { get; init; } = [];

    public string? DeletionTimestamp { get; init; }

    /// <summary>Whether <c>spec.syncPolicy.automated</c> is set (Argo CD would re-create what we delete).</summary>
    public bool AutomatedSync { get; init; }

    /// <summary>The requested operation (<c>.operation</c>): set from a sync request until the controller finishes it.</summary>
    public bool OperationRequested { get; init; }

    /// <summary>Synced, OutOfSync or Unknown; empty before the controller first reconciles.</summary>
    public string SyncStatus { get; init; } = string.Empty;

    public string SyncRevision { get; init; } = string.Empty;

    /// <summary>Healthy, Progressing, Degraded, Suspended, Missing or Unknown; empty before the first reconcile.</summary>
    public string HealthStatus { get; init; } = string.Empty;

    public string HealthMessage { get; init; } = string.Empty;

    /// <summary>Running, Terminating, Failed, Error or Succeeded; empty when no operation ever ran.</summary>
    public string OperationPhase { get; init; } = string.Empty;

    public string OperationMessage { get; init; } = string.Empty;

    public string OperationStartedAt { get; init; } = string.Empty;

    public DateTimeOffset? OperationFinishedAt { get; init; }

    public DateTimeOffset? ReconciledAt { get; init; }

    public IReadOnlyList<ArgoCondition> Conditions { get; init; } = [];

    public IReadOnlyList<ArgoResourceStatus> Resources { get; init; } = [];

    public IReadOnlyList<ArgoResourceStatus> SyncResultResources { get; init; } = [];

    /// <summary>The <c>argocd.argoproj.io/sync-wave</c> annotation (0 when absent): deletion goes from the highest down.</summary>
    public int SyncWave { get; init; }

    /// <summary><c>spec.destination.name</c>: the registered cluster's name, or empty.</summary>
    public string DestinationName { get; init; } = string.Empty;

    /// <summary><c>spec.destination.server</c>: the cluster's API server URL, or empty.</summary>
    public string DestinationServer { get; init; } = string.Empty;

    public bool IsDeleting => DeletionTimestamp is not null;

    /// <summary>Whether deleting it makes Argo CD delete what it deployed (foreground or background cascade).</summary>
    public bool CascadesDeletion =>
        Finalizers.Any(finalizer => finalizer == ArgoCdNames.ResourcesFinalizer || finalizer.StartsWith(ArgoCdNames.ResourcesFinalizer + "/", StringComparison.Ordinal));
}
