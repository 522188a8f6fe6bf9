namespace GitOps.TestDoubles.Kubernetes;

/// <summary>What the simulated Argo CD controller does: the sync outcome, its timing, and the trouble it causes.</summary>
public sealed record ArgoScenario
{
    public ArgoOutcome Outcome { get; init; } = ArgoOutcome.Healthy;

    public string Namespace { get; init; } = "argocd";

    /// <summary>The child Applications the parent's chart renders.</summary>
    public IReadOnlyList<string> Children { get; init; } = ["platform-core", "platform-ingress", "platform-monitoring"];

    /// <summary>
    /// Root Applications by name, with the parent Applications their source holds (as the parent file defines them). A
    /// root's sync creates those parents, tracked by the root's instance label and with an automated sync requested, as
    /// Argo CD does for an automated Application it just created; each parent then syncs its <see cref="Children"/>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<System.Text.Json.Nodes.JsonObject>> Roots { get; init; } =
        new Dictionary<string, IReadOnlyList<System.Text.Json.Nodes.JsonObject>>();

    /// <summary>The sync wave (argocd.argoproj.io/sync-wave) of children that have one.</summary>
    public IReadOnlyDictionary<string, int> ChildWaves { get; init; } = new Dictionary<string, int>();

    /// <summary>From picking up a sync to its outcome.</summary>
    public TimeSpan SyncDelay { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>From a deletion to the resources finalizer being removed (the cascade).</summary>
    public TimeSpan CascadeDelay { get; init; } = TimeSpan.FromMilliseconds(30);

    public string FailingChild { get; init; } = "platform-core";

    public string FailingResourceKind { get; init; } = "Deployment";

    public string FailingResourceName { get; init; } = "trustee-api";

    public string FailureMessage { get; init; } = "Readiness probe failed: HTTP probe failed with statuscode: 503";

    /// <summary>Retries of a failed child sync (syncPolicy.retry.limit; Argo CD's default for automated sync is 5).</summary>
    public int RetryLimit { get; init; } = 5;

    /// <summary>Backoff between those retries (scaled down from the chart's 10 s, factor 2).</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// controller.sync.timeout.seconds in argocd-cmd-params-cm: a sync running longer is terminated ("Operation
    /// terminated, triggered by controller sync timeout"). Null is Argo CD's default, 0: no timeout.
    /// </summary>
    public TimeSpan? SyncTimeout { get; init; }

    /// <summary>
    /// The argocd-cm health customization for argoproj.io/Application the parent's sync waves judge children with
    /// (a wave fails only when a child reads Degraded, and waits while one reads anything but Healthy). Default: the one
    /// this repository ships in environments/argocd/argocd-values.yaml.
    /// </summary>
    public string ApplicationHealthLua { get; init; } = ShippedApplicationHealthLua.Value;

    private static readonly Lazy<string> ShippedApplicationHealthLua =
        new(() => GitOps.Platform.Lifecycle.ArgoCdChart.Load(RepositoryRoot.Path).ApplicationHealthLua);

    /// <summary>Applications whose resources finalizer is never removed (Argo CD issues #3353, #5126, #4369).</summary>
    public IReadOnlySet<string> StuckApplications { get; init; } = new HashSet<string>();

    /// <summary>Close every watch stream once, half-way through the first sync.</summary>
    public bool DropWatchMidSync { get; init; }

    /// <summary>Whether the drop resets the connections (true) or ends the chunked bodies cleanly (false).</summary>
    public bool DropWatchAbruptly { get; init; } = true;

    /// <summary>Also compact the history then, so resuming watches get 410 Gone and must list again.</summary>
    public bool ExpireWatchHistoryMidSync { get; init; }
}
