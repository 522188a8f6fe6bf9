namespace GitOps.TestDoubles.Kubernetes;

/// <summary>How the simulated Argo CD ends a sync of the app-of-apps.</summary>
public enum ArgoOutcome
{
    /// <summary>Children created Progressing, then everything Synced and Healthy.</summary>
    Healthy,

    /// <summary>The failing child goes from Progressing to Degraded, blaming one of its resources.</summary>
    Degraded,

    /// <summary>The failing child's sync operation ends Failed, naming the resource that did not apply.</summary>
    SyncFailed,

    /// <summary>The controller picks the sync up and never finishes it (for timeouts).</summary>
    NeverFinishes,

    /// <summary>
    /// The failing child's sync fails and is retried <see cref="ArgoScenario.RetryLimit"/> times (phase Running with
    /// "Retrying attempt #N"), then ends Failed with "(retried N times)." and a SyncError condition: automated sync
    /// never tries that revision again.
    /// </summary>
    RetriesExhausted,

    /// <summary>
    /// The failing child cannot be rendered: sync Unknown, a ComparisonError condition with the repo server's message,
    /// no operation (automated sync skips an Unknown application).
    /// </summary>
    ComparisonError,

    /// <summary>The failing child syncs but stays Progressing for ever (a Deployment that never becomes ready).</summary>
    NeverHealthy,
}
