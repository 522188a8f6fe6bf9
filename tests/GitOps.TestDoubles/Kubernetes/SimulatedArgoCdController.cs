using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace GitOps.TestDoubles.Kubernetes;

/// <summary>
/// Plays Argo CD's application controller against the fake API server's state: picks up sync operations on parent
/// Applications, creates the children and drives them to the scenario's outcome, removes the resources finalizer of
/// deleted Applications (cascading a parent's delete to its children) unless they are stuck, and self-heals deleted
/// children while the parent's automated sync is on (#3195). Actions are recorded in the server's call log.
/// </summary>
public sealed partial class SimulatedArgoCdController : IAsyncDisposable
{
    public const string ResourcesFinalizer = "resources-finalizer.argocd.argoproj.io";
    public const string InstanceLabel = "app.kubernetes.io/instance";
    public const string RefreshAnnotation = "argocd.argoproj.io/refresh";
    public const string SyncWaveAnnotation = "argocd.argoproj.io/sync-wave";

    private readonly FakeKubeApiServer server;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, Task> work = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Exception> failures = new();
    private TaskCompletionSource<long> settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task loop = Task.CompletedTask;
    private int dropped;

    private SimulatedArgoCdController(FakeKubeApiServer server, ArgoScenario scenario)
    {
        this.server = server;
        Scenario = scenario;
    }

    public ArgoScenario Scenario { get; }

    /// <summary>
    /// Completes with the <see cref="Stopwatch"/> timestamp of the controller's last write of the next sync's outcome
    /// (for Healthy: the moment everything is Synced and Healthy).
    /// </summary>
    public Task<long> SyncSettled => Volatile.Read(ref settled).Task;

    /// <summary>
    /// Errors inside the simulation itself (a reaction or a background action that threw). Disposing the controller
    /// throws them, so the test that caused them fails instead of passing on a simulation that stopped half-way.
    /// </summary>
    public IReadOnlyCollection<Exception> Failures => failures;

    public static SimulatedArgoCdController Start(FakeKubeApiServer server, ArgoScenario? scenario = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var controller = new SimulatedArgoCdController(server, scenario ?? new ArgoScenario());
        var subscription = server.Store.Subscribe(null)!;
        controller.loop = controller.RunAsync(subscription);
        return controller;
    }

    /// <exception cref="AggregateException">When the simulation recorded <see cref="Failures"/>.</exception>
    public async ValueTask DisposeAsync()
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        await stop.CancelAsync();
        await Task.WhenAll(work.Values.Append(loop).Select(task => task.ContinueWith(_ => { }, TaskScheduler.Default)));
        stop.Dispose();
        if (!failures.IsEmpty)
        {
            throw new AggregateException($"The simulated Argo CD controller failed {failures.Count} time(s); the first: {failures.First().Message}", failures);
        }
    }

    private async Task RunAsync(WatchSubscription subscription)
    {
        using (subscription)
        {
            try
            {
                await foreach (var change in subscription.Events.ReadAllAsync(stop.Token))
                {
                    if (change.ResourceType != ResourceType.Application || change.Namespace != Scenario.Namespace)
                    {
                        continue;
                    }

                    try
                    {
                        React(change);
                    }
#pragma warning disable CA1031 // Any error of the simulation is recorded and fails the test at dispose; the loop keeps reacting.
                    catch (Exception error)
#pragma warning restore CA1031
                    {
                        failures.Enqueue(error);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Disposed.
            }
        }
    }

    private void React(StoreEvent change)
    {
        var application = change.Resource;
        var name = change.Name;
        if (change.Type == "DELETED")
        {
            Begin($"self-heal:{name}", () => SelfHealAsync(application));
        }
        else if (KubeMetadata.IsDeleting(application))
        {
            if (Scenario.StuckApplications.Contains(name))
            {
                Begin($"stuck:{name}", () => MarkStuckAsync(name));
            }
            else if (KubeMetadata.Finalizers(application).Contains(ResourcesFinalizer))
            {
                Begin($"finalize:{name}", () => FinalizeAsync(name, IsChild(application)));
            }
        }
        else if (application["status"]?["operationState"]?["phase"]?.ToString() == "Terminating")
        {
            Begin($"terminate:{name}", () => TerminateAsync(name));
        }
        else if ((!IsChild(application) || IsRootParent(name)) && application["operation"] is JsonObject
            && application["status"]?["operationState"]?["phase"]?.ToString() != "Running")
        {
            Begin($"sync:{name}", () => SyncAsync(name));
        }
        else if (KubeMetadata.Of(application)["annotations"]?[RefreshAnnotation] is not null && !IsBusy($"sync:{name}"))
        {
            Update(name, "refreshed", target => (KubeMetadata.Of(target)["annotations"] as JsonObject)?.Remove(RefreshAnnotation));
        }
    }

    private void Begin(string key, Func<Task> action)
    {
        if (IsBusy(key))
        {
            return;
        }

        work[key] = Task.Run(async () =>
        {
            try
            {
                await action();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Disposed mid-action.
            }
#pragma warning disable CA1031 // Recorded, and thrown by DisposeAsync so the test fails.
            catch (Exception error)
#pragma warning restore CA1031
            {
                failures.Enqueue(error);
            }
        });
    }

    private bool IsBusy(string key) => work.TryGetValue(key, out var running) && !running.IsCompleted;

    private static bool IsChild(JsonObject application) => KubeMetadata.Label(application, InstanceLabel) is not null;

    // A parent a root created: a child of the root, but an app-of-apps with its own (automated) sync.
    private bool IsRootParent(string name) => Scenario.Roots.Values.Any(parents => parents.Any(parent => KubeMetadata.Name(parent) == name));

    private void Update(string name, string action, Action<JsonObject> change)
    {
        var result = server.Store.Update(ResourceType.Application, Scenario.Namespace, name, change);
        if (result.Succeeded)
        {
            server.Calls.Record("controller", action, "applications", Scenario.Namespace, name);
        }
    }

    private static string Now() => KubeMetadata.Timestamp(DateTimeOffset.UtcNow);

    private static JsonObject Status(JsonObject application)
    {
        if (application["status"] is not JsonObject status)
        {
            status = [];
            application["status"] = status;
        }

        return status;
    }

    // terminate-op: the controller stops the sync, drops the operation and records it as failed.
    private Task TerminateAsync(string name)
    {
        Update(name, "operation-terminated", application =>
        {
            application.Remove("operation");
            var now = Now();
            var operationState = (JsonObject)Status(application)["operationState"]!;
            operationState["phase"] = "Failed";
            operationState["message"] = "Operation terminated";
            operationState["finishedAt"] = now;
            Status(application)["reconciledAt"] = now;
        });
        return Task.CompletedTask;
    }
}
