using System.Diagnostics;
using System.Text.Json.Nodes;

namespace GitOps.TestDoubles.Kubernetes;

public sealed partial class SimulatedArgoCdController
{
    private async Task SyncAsync(string parent)
    {
        // The repo-server refuses to render before anything is synced: the operation ends in error, nothing is created,
        // and every later sync fails the same way until the spec changes.
        if (server.Store.Get(ResourceType.Application, Scenario.Namespace, parent) is { } current
            && ArgoRepoServerRules.SameRepositoryConflict(current) is { } refusal)
        {
            Update(parent, "comparison-failed", application => RefuseToRender(application, refusal));
            return;
        }

        if (Scenario.Roots.TryGetValue(parent, out var parents))
        {
            await SyncRootAsync(parent, parents);
            return;
        }

        if (!StartOperation(parent, Scenario.Children))
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
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

        foreach (var child in Scenario.Children.Where(child => child != Scenario.FailingChild))
        {
            Update(child, "child-settled", application => SettleChild(application, ArgoOutcome.Healthy));
        }

        await SettleFailingChildAsync();
        await FinishWavesAsync(parent, Scenario.Children, started);
        Interlocked.Exchange(ref settled, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult(Stopwatch.GetTimestamp());
    }

    private async Task SettleFailingChildAsync()
    {
        var child = Scenario.FailingChild;
        if (!Scenario.Children.Contains(child))
        {
            return;
        }

        switch (Scenario.Outcome)
        {
            case ArgoOutcome.RetriesExhausted:
                await RetryUntilExhaustedAsync(child);
                break;
            case ArgoOutcome.ComparisonError:
                Update(child, "child-comparison-failed", FailComparison);
                break;
            default:
                Update(child, "child-settled", application => SettleChild(application, Scenario.Outcome));
                break;
        }
    }

    // The parent's sync waits, wave by wave, until every child reads Healthy through argocd-cm's health check for
    // argoproj.io/Application; a child reading Degraded fails the task and with it the operation (gitops-engine
    // sync_context.go). Anything else keeps it Running, until the controller's sync timeout terminates it.
    private async Task FinishWavesAsync(string parent, IReadOnlyList<string> children, long started)
    {
        while (true)
        {
            var verdicts = children
                .Select(child => (Child: child, Health: server.Store.Get(ResourceType.Application, Scenario.Namespace, child) is { } live
                    ? ArgoLuaHealth.Evaluate(Scenario.ApplicationHealthLua, live)
                    : ("Missing", string.Empty)))
                .ToList();
            if (verdicts.Any(verdict => verdict.Health.Item1 == "Degraded"))
            {
                Update(parent, "sync-failed", application => SettleParent(application, verdicts, "Failed", "one or more synchronization tasks completed unsuccessfully"));
                return;
            }

            if (verdicts.All(verdict => verdict.Health.Item1 == "Healthy"))
            {
                Update(parent, "sync-finished", application => SettleParent(application, verdicts, "Succeeded", "successfully synced (all tasks run)"));
                return;
            }

            if (Scenario.SyncTimeout is { } timeout && timeout > TimeSpan.Zero && Stopwatch.GetElapsedTime(started) > timeout)
            {
                Update(parent, "sync-timed-out", application => SettleParent(application, verdicts, "Failed", "Operation terminated, triggered by controller sync timeout"));
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), stop.Token);
        }
    }

    // A root applies the parent file: the parents appear with the root's instance label, and being automated, each gets
    // a sync operation at once; the root is Healthy when they are (the health check for argoproj.io/Application).
    private async Task SyncRootAsync(string root, IReadOnlyList<JsonObject> parents)
    {
        var names = parents.Select(KubeMetadata.Name).ToList();
        if (!StartOperation(root, names))
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        foreach (var parent in parents)
        {
            var created = (JsonObject)parent.DeepClone();
            var metadata = KubeMetadata.Of(created);
            metadata["labels"] = new JsonObject { [InstanceLabel] = root };
            created["operation"] = new JsonObject
            {
                ["initiatedBy"] = new JsonObject { ["automated"] = true },
                ["sync"] = new JsonObject { ["prune"] = true },
            };
            created["status"] = new JsonObject { ["sync"] = new JsonObject { ["status"] = "OutOfSync" }, ["health"] = new JsonObject { ["status"] = "Missing" } };
            if (server.Store.Create(ResourceType.Application, Scenario.Namespace, created).Succeeded)
            {
                server.Calls.Record("controller", "create-parent", "applications", Scenario.Namespace, KubeMetadata.Name(created));
            }
        }

        await FinishWavesAsync(root, names, started);
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
                // As the chart renders it: helm settings with empty fields, which Argo CD's comparedTo drops.
                ["source"] = new JsonObject
                {
                    ["repoURL"] = "https://gitlab.example.com/platform/charts.git", ["path"] = $"charts/{child}", ["targetRevision"] = "main",
                    ["helm"] = new JsonObject { ["releaseName"] = child, ["valueFiles"] = new JsonArray(), ["skipCrds"] = false },
                },
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
        var health = outcome switch
        {
            ArgoOutcome.Degraded => new JsonObject { ["status"] = "Degraded", ["message"] = Scenario.FailureMessage },
            ArgoOutcome.SyncFailed => new JsonObject { ["status"] = "Missing" },
            ArgoOutcome.NeverHealthy => new JsonObject { ["status"] = "Progressing", ["message"] = "Waiting for rollout to finish: 0 of 1 updated replicas are available..." },
            _ => new JsonObject { ["status"] = "Healthy" },
        };
        status["resources"] = new JsonArray(new JsonObject
        {
            ["group"] = "apps", ["version"] = "v1", ["kind"] = Scenario.FailingResourceKind, ["namespace"] = "trustee",
            ["name"] = Scenario.FailingResourceName, ["status"] = failed ? "OutOfSync" : "Synced", ["health"] = health.DeepClone(),
        });
        status["sync"] = new JsonObject { ["status"] = failed ? "OutOfSync" : "Synced", ["revision"] = "main", ["comparedTo"] = ArgoComparedTo.Of(application) };
        status["health"] = health;
        status["operationState"] = new JsonObject
        {
            ["phase"] = failed ? "Failed" : "Succeeded",
            ["message"] = failed ? "one or more objects failed to apply, reason: " + Scenario.FailureMessage : "successfully synced (all tasks run)",
            ["startedAt"] = now,
            ["finishedAt"] = now,
            ["syncResult"] = SyncResult(failed),
        };
        status["reconciledAt"] = now;
    }

    private JsonObject SyncResult(bool failed) => new()
    {
        ["revision"] = "main",
        ["resources"] = new JsonArray(new JsonObject
        {
            ["group"] = "apps", ["kind"] = Scenario.FailingResourceKind, ["namespace"] = "trustee", ["name"] = Scenario.FailingResourceName,
            ["status"] = failed ? "SyncFailed" : "Synced", ["message"] = failed ? Scenario.FailureMessage : "deployment.apps configured",
        }),
    };

    // controller/appcontroller.go processRequestedAppOperation: a failed attempt stays Running with finishedAt set and
    // "Retrying attempt #N", until the limit; then Failed with "(retried N times)." and the operation field cleared.
    // Automated sync then refuses that revision again with a SyncError condition.
    private async Task RetryUntilExhaustedAsync(string child)
    {
        var started = Now();
        var reason = "one or more objects failed to apply, reason: " + Scenario.FailureMessage;
        Update(child, "child-sync-started", application =>
        {
            application["operation"] = new JsonObject
            {
                ["initiatedBy"] = new JsonObject { ["automated"] = true },
                ["retry"] = new JsonObject { ["limit"] = Scenario.RetryLimit },
                ["sync"] = new JsonObject { ["revision"] = "main", ["prune"] = true },
            };
            var status = Status(application);
            status["operationState"] = new JsonObject { ["phase"] = "Running", ["message"] = "one or more tasks are running", ["startedAt"] = started };
        });
        for (var attempt = 1; attempt <= Scenario.RetryLimit; attempt++)
        {
            var retry = attempt;
            Update(child, "child-sync-retrying", application =>
            {
                var status = Status(application);
                status["sync"] = new JsonObject { ["status"] = "OutOfSync", ["revision"] = "main", ["comparedTo"] = ArgoComparedTo.Of(application) };
                status["health"] = new JsonObject { ["status"] = "Missing" };
                status["operationState"] = new JsonObject
                {
                    ["phase"] = "Running",
                    ["message"] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{reason}. Retrying attempt #{retry} at {DateTimeOffset.UtcNow:h:mmtt}."),
                    ["startedAt"] = started,
                    ["finishedAt"] = Now(),
                    ["retryCount"] = retry,
                    ["syncResult"] = SyncResult(failed: true),
                };
                status["reconciledAt"] = Now();
            });
            await Task.Delay(Scenario.RetryBackoff, stop.Token);
        }

        Update(child, "child-sync-exhausted", application =>
        {
            application.Remove("operation");
            var status = Status(application);
            var now = Now();
            var operationState = (JsonObject)status["operationState"]!;
            operationState["phase"] = "Failed";
            operationState["message"] = $"{reason} (retried {Scenario.RetryLimit} times).";
            operationState["finishedAt"] = now;
            status["reconciledAt"] = now;
            status["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "SyncError",
                ["message"] = $"Failed last sync attempt to [main]: {operationState["message"]}",
                ["lastTransitionTime"] = now,
            });
        });
    }

    // controller/state.go CompareAppState when the repo server cannot render the source: conditions carry the error,
    // sync is Unknown, there are no target resources (so health has nothing to worsen it), and comparedTo is still
    // written for the spec compared. Automated sync skips an Unknown application, so no operation starts.
    private static void RefuseToRender(JsonObject application, string refusal)
    {
        var now = Now();
        var message = $"Failed to load target state: {refusal}";
        var status = Status(application);
        var operation = application["operation"]?.DeepClone();
        application.Remove("operation");
        status["operationState"] = new JsonObject { ["operation"] = operation, ["phase"] = "Error", ["message"] = $"ComparisonError: {message}", ["startedAt"] = now, ["finishedAt"] = now };
        status["sync"] = new JsonObject { ["status"] = "Unknown", ["comparedTo"] = ArgoComparedTo.Of(application) };
        status["health"] ??= new JsonObject { ["status"] = "Healthy" };
        status["resources"] = new JsonArray();
        status["conditions"] = new JsonArray(new JsonObject { ["type"] = "ComparisonError", ["message"] = message, ["lastTransitionTime"] = now });
        status["reconciledAt"] = now;
    }

    private void FailComparison(JsonObject application)
    {
        var now = Now();
        var status = Status(application);
        status["sync"] = new JsonObject { ["status"] = "Unknown", ["revision"] = "main", ["comparedTo"] = ArgoComparedTo.Of(application) };
        status["health"] = new JsonObject { ["status"] = "Healthy" };
        status["resources"] = new JsonArray();
        status["conditions"] = new JsonArray(new JsonObject
        {
            ["type"] = "ComparisonError",
            ["message"] = "Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code = Unknown desc = "
                + $"plugin sidecar failed. error generating manifests in cmp: rpc error: code = Unknown desc = error generating manifests: {Scenario.FailureMessage}",
            ["lastTransitionTime"] = now,
        });
        status["reconciledAt"] = now;
    }

    private void SettleParent(JsonObject application, IReadOnlyList<(string Child, (string Status, string Message) Health)> verdicts, string phase, string message)
    {
        var now = Now();
        var status = Status(application);
        application.Remove("operation");
        if (status["operationState"] is JsonObject operationState)
        {
            operationState["phase"] = phase;
            operationState["message"] = message;
            operationState["finishedAt"] = now;
            operationState["syncResult"] = new JsonObject
            {
                ["revision"] = "main",
                ["resources"] = new JsonArray([.. verdicts.Select(verdict => (JsonNode)new JsonObject
                {
                    ["group"] = "argoproj.io", ["kind"] = "Application", ["namespace"] = Scenario.Namespace, ["name"] = verdict.Child,
                    ["status"] = "Synced", ["hookPhase"] = verdict.Health.Status switch { "Healthy" => "Succeeded", "Degraded" => "Failed", _ => "Running" },
                    ["message"] = verdict.Health.Message,
                })]),
            };
        }

        var worst = verdicts.Any(verdict => verdict.Health.Status == "Degraded") ? "Degraded"
            : verdicts.All(verdict => verdict.Health.Status == "Healthy") ? "Healthy" : "Progressing";
        status["sync"] = new JsonObject { ["status"] = "Synced", ["revision"] = "main", ["comparedTo"] = ArgoComparedTo.Of(application) };
        status["health"] = new JsonObject { ["status"] = worst };
        status["resources"] = new JsonArray([.. verdicts.Select(verdict => (JsonNode)ChildEntry(verdict.Child, "Synced", verdict.Health.Status))]);
        status["reconciledAt"] = now;
    }

    // The controller picks up a requested sync operation unless one is running already: the operation is Running and
    // every child listed OutOfSync and Progressing. False: nothing to pick up.
    private bool StartOperation(string name, IReadOnlyList<string> children)
    {
        var picked = false;
        Update(name, "sync-started", application =>
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
            status["resources"] = new JsonArray([.. children.Select(child => (JsonNode)ChildEntry(child, "OutOfSync", "Progressing"))]);
        });
        return picked;
    }

    private JsonObject ChildEntry(string child, string sync, string health) => new()
    {
        ["group"] = "argoproj.io", ["version"] = "v1alpha1", ["kind"] = "Application", ["namespace"] = Scenario.Namespace,
        ["name"] = child, ["status"] = sync, ["health"] = new JsonObject { ["status"] = health },
    };
}
