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
}
