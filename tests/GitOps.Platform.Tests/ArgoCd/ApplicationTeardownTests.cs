using System.Text.Json.Nodes;
using GitOps.Platform.ArgoCd;
using GitOps.TestDoubles.Kubernetes;

namespace GitOps.Platform.Tests.ArgoCd;

public sealed class ApplicationTeardownTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Teardown_disables_automated_sync_then_deletes_children_then_parent_then_cluster_secret()
    {
        await using var cluster = await DeployedAsync(new ArgoScenario());

        await new ApplicationTeardown(cluster.Client, cluster.Log).TeardownAsync(ArgoCdCluster.Parent, "dev-gcp", Generous);
        // What the Destroy target does next, recorded on the same timeline.
        cluster.Server.Calls.Record("external", "terraform-destroy", "cluster", detail: $"applications={cluster.Server.ApplicationCount()}");

        var calls = cluster.Calls;
        var automatedOff = calls.Single(call => call.Verb == "merge-patch" && call.Detail.Contains("\"automated\":null", StringComparison.Ordinal));
        var childDeletes = calls.Where(call => call.Verb == "delete" && call.Resource == "applications" && call.Name.StartsWith("platform-", StringComparison.Ordinal)).ToList();
        var childrenGone = calls.Where(call => call.Actor == "controller" && call.Verb == "finalizer-removed" && call.Name.StartsWith("platform-", StringComparison.Ordinal)).ToList();
        var parentDelete = calls.Single(call => call.Verb == "delete" && call.Name == ArgoCdCluster.Parent);
        var secretDelete = calls.Single(call => call.Verb == "delete" && call.Resource == "secrets");
        childDeletes.Count.ShouldBe(3);
        childrenGone.Count.ShouldBe(3);
        childDeletes.ShouldAllBe(call => call.Sequence > automatedOff.Sequence && call.Detail == "propagationPolicy=Foreground");
        childrenGone.ShouldAllBe(call => call.Sequence < parentDelete.Sequence);
        secretDelete.Sequence.ShouldBeGreaterThan(parentDelete.Sequence);
        secretDelete.ShouldBe(calls.Last(call => call.Actor == "client" && call.Verb == "delete"));
        calls[^1].Detail.ShouldBe("applications=0");
        cluster.Server.Store.Get(ResourceType.Secret, "argocd", "cluster-dev-gcp").ShouldBeNull();
        cluster.Calls.ShouldNotContain(call => call.Verb == "self-healed");
    }

    [Fact]
    public async Task A_child_without_the_resources_finalizer_gets_it_before_it_is_deleted()
    {
        await using var cluster = await DeployedAsync(new ArgoScenario());
        cluster.Server.Store.Create(ResourceType.Application, "argocd", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "hand-made", ["labels"] = new JsonObject { ["app.kubernetes.io/instance"] = ArgoCdCluster.Parent } },
        });

        await new ApplicationTeardown(cluster.Client, cluster.Log).TeardownAsync(ArgoCdCluster.Parent, null, Generous);

        var finalizerAdded = cluster.Calls.Single(call => call.Verb == "merge-patch" && call.Name == "hand-made");
        finalizerAdded.Detail.ShouldBe("""{"metadata":{"finalizers":["resources-finalizer.argocd.argoproj.io"]}}""");
        cluster.Calls.Single(call => call.Verb == "delete" && call.Name == "hand-made").Sequence.ShouldBeGreaterThan(finalizerAdded.Sequence);
        cluster.Server.ApplicationCount().ShouldBe(0);
    }

    [Fact]
    public async Task Stuck_child_stops_the_teardown_with_its_finalizers_and_conditions_and_nothing_else_is_deleted()
    {
        await using var cluster = await DeployedAsync(new ArgoScenario { StuckApplications = new HashSet<string> { "platform-ingress" } });
        var terraformDestroyed = false;

        var failure = await Should.ThrowAsync<StuckApplicationsException>(async () =>
        {
            await new ApplicationTeardown(cluster.Client, cluster.Log).TeardownAsync(ArgoCdCluster.Parent, "dev-gcp", TimeSpan.FromSeconds(1));
            terraformDestroyed = true;
        });

        terraformDestroyed.ShouldBeFalse();
        var stuck = failure.Applications.ShouldHaveSingleItem();
        stuck.Name.ShouldBe("platform-ingress");
        stuck.Finalizers.ShouldBe(["resources-finalizer.argocd.argoproj.io"]);
        stuck.DeletionTimestamp.ShouldNotBeNull();
        stuck.Conditions.ShouldHaveSingleItem().Type.ShouldBe("DeletionError");
        failure.Message.ShouldContain("the cluster is NOT destroyed");
        failure.Message.ShouldContain("platform-ingress (finalizers: resources-finalizer.argocd.argoproj.io; deletionTimestamp: ");
        failure.Message.ShouldContain("DeletionError: error deleting resources: Namespace \"trustee\" is terminating");
        cluster.Calls.ShouldNotContain(call => call.Verb == "delete" && (call.Name == ArgoCdCluster.Parent || call.Resource == "secrets"));
        cluster.Server.Store.Get(ResourceType.Secret, "argocd", "cluster-dev-gcp").ShouldNotBeNull();
        cluster.Server.ApplicationCount().ShouldBe(2);
    }

    [Fact]
    public async Task Rerunning_teardown_after_it_finished_changes_nothing()
    {
        await using var cluster = await DeployedAsync(new ArgoScenario());
        var teardown = new ApplicationTeardown(cluster.Client, cluster.Log);
        await teardown.TeardownAsync(ArgoCdCluster.Parent, "dev-gcp", Generous);
        var before = cluster.Server.Store.CurrentRevision;

        await teardown.TeardownAsync(ArgoCdCluster.Parent, "dev-gcp", Generous);

        cluster.Server.Store.CurrentRevision.ShouldBe(before);
        cluster.Server.ApplicationCount().ShouldBe(0);
    }

    [Fact]
    public async Task Children_are_deleted_wave_by_wave_from_the_highest_each_gone_before_the_next()
    {
        var waves = new Dictionary<string, int> { ["platform-core"] = 0, ["platform-ingress"] = 1, ["platform-monitoring"] = 2 };
        await using var cluster = await DeployedAsync(new ArgoScenario { ChildWaves = waves });

        await new ApplicationTeardown(cluster.Client, cluster.Log).TeardownAsync(ArgoCdCluster.Parent, "dev-gcp", Generous);

        long Delete(string name) => cluster.Calls.Single(call => call.Actor == "client" && call.Verb == "delete" && call.Name == name).Sequence;
        long Gone(string name) => cluster.Calls.Single(call => call.Actor == "controller" && call.Verb == "finalizer-removed" && call.Name == name).Sequence;
        Gone("platform-monitoring").ShouldBeLessThan(Delete("platform-ingress"));
        Delete("platform-monitoring").ShouldBeLessThan(Gone("platform-monitoring"));
        Gone("platform-ingress").ShouldBeLessThan(Delete("platform-core"));
        Gone("platform-core").ShouldBeLessThan(Delete(ArgoCdCluster.Parent));
    }

    [Fact]
    public async Task A_child_already_deleting_without_the_resources_finalizer_stops_the_teardown_before_anything_is_deleted()
    {
        await using var cluster = await DeployedAsync(new ArgoScenario());
        cluster.Server.Store.Create(ResourceType.Application, "argocd", new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = "orphaning",
                ["labels"] = new JsonObject { ["app.kubernetes.io/instance"] = ArgoCdCluster.Parent },
                ["finalizers"] = new JsonArray("example.com/hold"),
            },
        });
        cluster.Server.Store.Delete(ResourceType.Application, "argocd", "orphaning");
        var before = cluster.Calls.Count;

        var failure = await Should.ThrowAsync<OrphaningDeletionException>(() =>
            new ApplicationTeardown(cluster.Client, cluster.Log).TeardownAsync(ArgoCdCluster.Parent, "dev-gcp", Generous));

        failure.Applications.ShouldHaveSingleItem().Name.ShouldBe("orphaning");
        failure.Message.ShouldContain("without the resources finalizer");
        failure.Message.ShouldContain("the cluster is NOT destroyed");
        cluster.Calls.Skip(before).ShouldNotContain(call => call.Actor == "client" && (call.Verb == "delete" || call.Verb == "merge-patch"));
        cluster.Server.Store.Get(ResourceType.Secret, "argocd", "cluster-dev-gcp").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("name", "dev-gcp")]
    [InlineData("server", "https://34.1.2.3")]
    public async Task An_application_of_another_family_deploying_to_the_cluster_keeps_its_secret(string field, string value)
    {
        await using var cluster = await DeployedAsync(new ArgoScenario());
        cluster.Server.Store.Create(ResourceType.Application, "argocd", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "hand-made-monitoring" },
            ["spec"] = new JsonObject { ["destination"] = new JsonObject { [field] = value, ["namespace"] = "monitoring" } },
        });

        var failure = await Should.ThrowAsync<ClusterStillTargetedException>(() =>
            new ApplicationTeardown(cluster.Client, cluster.Log).TeardownAsync(ArgoCdCluster.Parent, "dev-gcp", Generous));

        failure.Message.ShouldStartWith("Refusing to unregister cluster 'dev-gcp': Argo CD applications still deploy to it: hand-made-monitoring.");
        cluster.Server.Store.Get(ResourceType.Secret, "argocd", "cluster-dev-gcp").ShouldNotBeNull();
        cluster.Calls.ShouldNotContain(call => call.Verb == "delete" && call.Resource == "secrets");
    }

    [Fact]
    public async Task A_sync_running_on_the_parent_is_terminated_before_any_child_is_deleted()
    {
        await using var cluster = await ArgoCdCluster.StartAsync(new ArgoScenario { Outcome = ArgoOutcome.NeverFinishes, SyncDelay = TimeSpan.Zero });
        await Should.ThrowAsync<ApplicationWaitTimeoutException>(() =>
            new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest(), TimeSpan.FromMilliseconds(300)));
        cluster.Server.Store.Get(ResourceType.Application, "argocd", ArgoCdCluster.Parent)!["status"]!["operationState"]!["phase"]!.GetValue<string>().ShouldBe("Running");

        await new ApplicationTeardown(cluster.Client, cluster.Log).TeardownAsync(ArgoCdCluster.Parent, null, Generous);

        var terminated = cluster.Calls.Single(call => call.Actor == "controller" && call.Verb == "operation-terminated");
        var firstChildDelete = cluster.Calls.First(call => call.Actor == "client" && call.Verb == "delete" && call.Name.StartsWith("platform-", StringComparison.Ordinal));
        terminated.Sequence.ShouldBeLessThan(firstChildDelete.Sequence);
        cluster.Server.ApplicationCount().ShouldBe(0);
    }

    private static async Task<ArgoCdCluster> DeployedAsync(ArgoScenario scenario)
    {
        var cluster = await ArgoCdCluster.StartAsync(scenario);
        await new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest(), Generous);
        await new ClusterRegistration(cluster.Client, cluster.Log).RegisterAsync(new EnvironmentCluster
        {
            Name = "dev-gcp",
            Stage = "dev",
            Server = "https://34.1.2.3",
            CaData = "LS0tLS1CRUdJTg==",
            Auth = ExecProviderAuth.ArgoCdGcp,
        });
        return cluster;
    }
}
