using System.Diagnostics;
using System.Text.Json.Nodes;

namespace GitOps.TestDoubles.Kubernetes;

public sealed partial class SimulatedArgoCdController
{
    private async Task SyncAsync(string parent)
    {
        var picked = false;
        Update(parent, "sync-started", application =>
        {
            if (application["operation"] is not JsonObject operation || application["status"]?["operationState"]?["phase"]?.ToString() == "Running")
            {
                return;
            }

            picked = true;
            (KubeMetadata.Of(application)["annotations"] as JsonObject)?.Remove(RefreshAnnotation);
            var status = Status(application);
            status["operationState"] = new JsonObject { ["operation"] = operation.DeepClone(), ["phase"] = "Running", ["message"] = "waiting for healthy state of argoproj.io/Application", ["startedAt"] = Now() };
            status["health"] ??= new JsonObject { ["status"] = "Progressing" };
            status["sync"] ??= new JsonObject { ["status"] = "OutOfSync" };
            status["resources"] = new JsonArray([.. Scenario.Children.Select(child => (JsonNode)ChildEntry(child, "OutOfSync", "Progressing"))]);
        });
        if (!picked)
        {
            return;
        }

        foreach (var child in Scenario.Children)
        {
            CreateChild(parent, child);
        }

        await Task.Delay(Scenario.SyncDelay / 2, stop.Token);
        if (Interlocked.Exchange(ref dropped, 1) == 0)
        {
            if (Scenario.DropWatchMidSync)
            {
                server.DropWatchConnections(Scenario.DropWatchAbruptly);
            }

            // A change while the client is disconnected, then compaction: its last resourceVersion is now too old.
            if (Scenario.ExpireWatchHistoryMidSync)
            {
                Update(parent, "sync-progressed", application => application["status"]!["operationState"]!["message"] = "waiting for healthy state (1 of 3)");
                server.Store.Compact();
            }
        }

        await Task.Delay(Scenario.SyncDelay / 2, stop.Token);
        if (Scenario.Outcome == ArgoOutcome.NeverFinishes)
        {
            return;
        }

        foreach (var child in Scenario.Children)
        {
            Update(child, "child-settled", application => SettleChild(application, child == Scenario.FailingChild ? Scenario.Outcome : ArgoOutcome.Healthy));
        }

        Update(parent, "sync-finished", SettleParent);
        Interlocked.Exchange(ref settled, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult(Stopwatch.GetTimestamp());
    }

    private void CreateChild(string parent, string child)
    {
        var created = server.Store.Create(ResourceType.Application, Scenario.Namespace, new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = child,
                ["labels"] = new JsonObject { [InstanceLabel] = parent },
                ["annotations"] = Scenario.ChildWaves.TryGetValue(child, out var wave)
                    ? new JsonObject { [SyncWaveAnnotation] = wave.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                    : new JsonObject(),
                ["finalizers"] = new JsonArray(ResourcesFinalizer),
            },
            ["spec"] = new JsonObject
            {
                ["project"] = "default",
                ["source"] = new JsonObject { ["repoURL"] = "https://gitlab.example.com/platform/charts.git", ["path"] = $"charts/{child}", ["targetRevision"] = "main" },
                ["destination"] = new JsonObject { ["name"] = "in-cluster", ["namespace"] = child },
                ["syncPolicy"] = new JsonObject { ["automated"] = new JsonObject { ["prune"] = true, ["selfHeal"] = true } },
            },
            ["status"] = new JsonObject
            {
                ["sync"] = new JsonObject { ["status"] = "OutOfSync" },
                ["health"] = new JsonObject { ["status"] = "Progressing" },
            },
        });
        if (created.Succeeded)
        {
            server.Calls.Record("controller", "create-child", "applications", Scenario.Namespace, child);
        }
    }

    private void SettleChild(JsonObject application, ArgoOutcome outcome)
    {
        var status = Status(application);
        var now = Now();
        var failed = outcome == ArgoOutcome.SyncFailed;
        var resource = new JsonObject
        {
            ["group"] = "apps", ["version"] = "v1", ["kind"] = Scenario.FailingResourceKind, ["namespace"] = "trustee",
            ["name"] = Scenario.FailingResourceName, ["status"] = failed ? "OutOfSync" : "Synced",
            ["health"] = outcome == ArgoOutcome.Degraded
                ? new JsonObject { ["status"] = "Degraded", ["message"] = Scenario.FailureMessage }
                : new JsonObject { ["status"] = failed ? "Missing" : "Healthy" },
        };
        status["resources"] = new JsonArray(resource);
        status["sync"] = new JsonObject { ["status"] = failed ? "OutOfSync" : "Synced", ["revision"] = "main", ["comparedTo"] = ComparedTo(application) };
        status["health"] = outcome switch
        {
            ArgoOutcome.Degraded => new JsonObject { ["status"] = "Degraded", ["message"] = Scenario.FailureMessage },
            ArgoOutcome.SyncFailed => new JsonObject { ["status"] = "Missing" },
            _ => new JsonObject { ["status"] = "Healthy" },
        };
        status["operationState"] = new JsonObject
        {
            ["phase"] = failed ? "Failed" : "Succeeded",
            ["message"] = failed ? "one or more objects failed to apply, reason: " + Scenario.FailureMessage : "successfully synced (all tasks run)",
            ["startedAt"] = now,
            ["finishedAt"] = now,
            ["syncResult"] = new JsonObject
            {
                ["resources"] = new JsonArray(new JsonObject
                {
                    ["group"] = "apps", ["kind"] = Scenario.FailingResourceKind, ["namespace"] = "trustee", ["name"] = Scenario.FailingResourceName,
                    ["status"] = failed ? "SyncFailed" : "Synced", ["message"] = failed ? Scenario.FailureMessage : "deployment.apps configured",
                }),
            },
        };
        status["reconciledAt"] = now;
    }

    private void SettleParent(JsonObject application)
    {
        var now = Now();
        var status = Status(application);
        var childHealth = Scenario.Outcome == ArgoOutcome.Degraded ? "Degraded" : Scenario.Outcome == ArgoOutcome.SyncFailed ? "Progressing" : "Healthy";
        application.Remove("operation");
        if (status["operationState"] is JsonObject operationState)
        {
            operationState["phase"] = "Succeeded";
            operationState["message"] = "successfully synced (all tasks run)";
            operationState["finishedAt"] = now;
        }

        status["sync"] = new JsonObject { ["status"] = "Synced", ["revision"] = "main", ["comparedTo"] = ComparedTo(application) };
        status["health"] = new JsonObject { ["status"] = childHealth };
        status["resources"] = new JsonArray([.. Scenario.Children.Select(child => (JsonNode)ChildEntry(child, "Synced", child == Scenario.FailingChild ? childHealth : "Healthy"))]);
        status["reconciledAt"] = now;
    }

    private JsonObject ChildEntry(string child, string sync, string health) => new()
    {
        ["group"] = "argoproj.io", ["version"] = "v1alpha1", ["kind"] = "Application", ["namespace"] = Scenario.Namespace,
        ["name"] = child, ["status"] = sync, ["health"] = new JsonObject { ["status"] = health },
    };

    // Argo CD records the spec source(s) it compared the cluster with; sync and health are about those.
    private static JsonObject ComparedTo(JsonObject application)
    {
        var spec = application["spec"];
        return spec?["sources"] is JsonArray sources
            ? new JsonObject { ["sources"] = sources.DeepClone() }
            : new JsonObject { ["source"] = spec?["source"]?.DeepClone() ?? new JsonObject() };
    }
}
