using GitOps.Platform.ArgoCd;
using GitOps.TestDoubles.Kubernetes;

namespace GitOps.Platform.Tests.ArgoCd;

public sealed class AppOfAppsDeployerTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Deploy_waits_until_parent_and_children_are_synced_and_healthy()
    {
        await using var cluster = await ArgoCdCluster.StartAsync();

        var deployment = await new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest(), Generous);

        deployment.Applications.Select(application => application.Name)
            .ShouldBe(["app-of-apps-dev", "platform-core", "platform-ingress", "platform-monitoring"]);
        deployment.Applications.ShouldAllBe(application => application.IsReady);
        cluster.Calls.ShouldContain(call => call.Actor == "controller" && call.Verb == "sync-finished");
        cluster.Controller.Failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task Deploy_applies_server_side_then_requests_a_sync_at_the_manifest_revision_and_a_refresh()
    {
        await using var cluster = await ArgoCdCluster.StartAsync();

        await new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest(), Generous);

        var apply = cluster.Server.Calls.Requests("apply", "applications").ShouldHaveSingleItem();
        apply.Detail.ShouldBe("fieldManager=gitops-build force=true");
        var sync = cluster.Server.Calls.Requests("merge-patch", "applications").ShouldHaveSingleItem();
        sync.Sequence.ShouldBeGreaterThan(apply.Sequence);
        sync.Detail.ShouldContain("\"initiatedBy\":{\"username\":\"gitops-build\"}");
        sync.Detail.ShouldContain("\"revision\":\"main\"");
        sync.Detail.ShouldContain("\"prune\":true");
        sync.Detail.ShouldContain("\"argocd.argoproj.io/refresh\":\"normal\"");
        var stored = cluster.Server.Store.Get(ResourceType.Application, "argocd", ArgoCdCluster.Parent)!;
        stored["spec"]!["syncPolicy"]!["automated"]!["prune"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Deploy_prints_a_status_line_whenever_an_application_changes()
    {
        await using var cluster = await ArgoCdCluster.StartAsync();

        await new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest(), Generous);

        cluster.Log.Messages.ShouldContain("[argocd] platform-core: OutOfSync/Progressing");
        cluster.Log.Messages.ShouldContain("[argocd] platform-core: Synced/Healthy");
        cluster.Log.Messages.ShouldContain("[argocd] app-of-apps-dev: Synced/Healthy");
        cluster.Log.Messages.Count(line => line == "[argocd] platform-core: Synced/Healthy").ShouldBe(1);
    }

    [Fact]
    public async Task Degraded_child_fails_fast_naming_the_application_the_resource_and_the_message()
    {
        await using var cluster = await ArgoCdCluster.StartAsync(new ArgoScenario { Outcome = ArgoOutcome.Degraded });

        var failure = await Should.ThrowAsync<ApplicationFailedException>(() =>
            new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest(), Generous));

        failure.Application.ShouldBe("platform-core");
        failure.Resource.ShouldBe("Deployment/trustee-api");
        failure.Message.ShouldBe(
            "Argo CD application 'platform-core' went Degraded (was Progressing) at Deployment/trustee-api: "
            + "Readiness probe failed: HTTP probe failed with statuscode: 503");
    }

    [Fact]
    public async Task Failed_sync_fails_naming_the_application_the_resource_and_the_message()
    {
        var scenario = new ArgoScenario { Outcome = ArgoOutcome.SyncFailed, FailureMessage = "spec.template.spec.containers[0].image: Required value" };
        await using var cluster = await ArgoCdCluster.StartAsync(scenario);

        var failure = await Should.ThrowAsync<ApplicationFailedException>(() =>
            new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest(), Generous));

        failure.Application.ShouldBe("platform-core");
        failure.Resource.ShouldBe("Deployment/trustee-api");
        failure.Message.ShouldStartWith("Argo CD application 'platform-core' sync Failed at Deployment/trustee-api: one or more objects failed to apply");
        failure.ArgoMessage.ShouldContain("spec.template.spec.containers[0].image: Required value");
    }

    [Fact]
    public async Task Timeout_lists_every_application_that_is_not_ready_and_why()
    {
        await using var cluster = await ArgoCdCluster.StartAsync(new ArgoScenario { Outcome = ArgoOutcome.NeverFinishes, SyncDelay = TimeSpan.Zero });

        var failure = await Should.ThrowAsync<ApplicationWaitTimeoutException>(() =>
            new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest(), TimeSpan.FromSeconds(1)));

        failure.NotReady.Keys.ShouldBe(["app-of-apps-dev", "platform-core", "platform-ingress", "platform-monitoring"], ignoreOrder: true);
        failure.NotReady["app-of-apps-dev"].ShouldContain("operation Running");
        failure.NotReady["platform-ingress"].ShouldStartWith("OutOfSync/Progressing");
        failure.Message.ShouldStartWith("Timed out after 00:00:01 waiting for Argo CD applications");
        failure.Message.ShouldContain("platform-monitoring (OutOfSync/Progressing)");
    }

    [Fact]
    public async Task A_child_that_cannot_be_rendered_fails_the_deploy_within_seconds_with_its_own_message()
    {
        var scenario = new ArgoScenario { Outcome = ArgoOutcome.ComparisonError, FailureMessage = "`helm template .` failed exit status 1: Error: nil pointer evaluating .Values.db" };
        await using var cluster = await ArgoCdCluster.StartAsync(scenario);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<ApplicationFailedException>(() =>
            new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest(), Generous));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        failure.Application.ShouldBe("platform-core");
        failure.Message.ShouldStartWith("Argo CD application 'platform-core' cannot be rendered (ComparisonError): Failed to load target state: ");
        failure.ArgoMessage.ShouldEndWith("Error: nil pointer evaluating .Values.db");
    }

    [Fact]
    public async Task A_child_whose_retries_ran_out_fails_the_parents_sync_and_the_deploy_with_its_own_message()
    {
        await using var cluster = await ArgoCdCluster.StartAsync(new ArgoScenario { Outcome = ArgoOutcome.RetriesExhausted, FailureMessage = "admission webhook denied the request" });

        var failure = await Should.ThrowAsync<ApplicationFailedException>(() =>
            new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest(), Generous));

        failure.Application.ShouldBe("platform-core");
        failure.ArgoMessage.ShouldBe("one or more objects failed to apply, reason: admission webhook denied the request (retried 5 times).");
        // Argo CD's wave fails on the Degraded child: the parent's operation ends, so automated sync is not blocked.
        await SimulatedArgoCdControllerTests.WaitUntilAsync(() =>
            cluster.Server.Store.Get(ResourceType.Application, "argocd", ArgoCdCluster.Parent)?["status"]?["operationState"]?["phase"]?.ToString() == "Failed");
        cluster.Server.Store.Get(ResourceType.Application, "argocd", ArgoCdCluster.Parent)!["status"]!["health"]!["status"]!.GetValue<string>().ShouldBe("Degraded");
    }

    [Fact]
    public async Task Rerunning_after_a_child_failed_for_good_fails_at_once_with_the_childs_message()
    {
        await using var cluster = await ArgoCdCluster.StartAsync(new ArgoScenario { Outcome = ArgoOutcome.RetriesExhausted, FailureMessage = "admission webhook denied the request" });
        var deployer = new AppOfAppsDeployer(cluster.Client, cluster.Log);
        var manifest = cluster.WriteParentManifest();
        await Should.ThrowAsync<ApplicationFailedException>(() => deployer.DeployAsync(manifest, Generous));
        await SimulatedArgoCdControllerTests.WaitUntilAsync(() =>
            cluster.Server.Store.Get(ResourceType.Application, "argocd", ArgoCdCluster.Parent)?["status"]?["operationState"]?["phase"]?.ToString() == "Failed");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<ApplicationFailedException>(() => deployer.DeployAsync(manifest, Generous));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        failure.Application.ShouldBe("platform-core");
        failure.ArgoMessage.ShouldEndWith("(retried 5 times).");
    }

    [Fact]
    public async Task A_sync_the_controller_times_out_fails_the_deploy_with_argo_cds_message_before_our_own_timeout()
    {
        await using var cluster = await ArgoCdCluster.StartAsync(new ArgoScenario { Outcome = ArgoOutcome.NeverHealthy, SyncTimeout = TimeSpan.FromSeconds(1) });

        var failure = await Should.ThrowAsync<ApplicationFailedException>(() =>
            new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest(), Generous));

        failure.Application.ShouldBe(ArgoCdCluster.Parent);
        failure.ArgoMessage.ShouldStartWith("Operation terminated, triggered by controller sync timeout");
        failure.Message.ShouldContain("platform-core (Synced/Progressing");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Dropped_watch_connection_is_resumed_from_the_last_resource_version(bool abruptly)
    {
        await using var cluster = await ArgoCdCluster.StartAsync(new ArgoScenario { DropWatchMidSync = true, DropWatchAbruptly = abruptly });

        var deployment = await new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest(), Generous);

        deployment.Applications.ShouldAllBe(application => application.IsReady);
        var drop = cluster.Calls.Single(call => call.Verb == "drop-watches");
        var resumed = cluster.Server.Calls.Requests("watch", "applications").Where(call => call.Sequence > drop.Sequence).ToList();
        resumed.ShouldNotBeEmpty();
        resumed[0].Detail.ShouldNotBe("resourceVersion=");
        cluster.Server.Calls.Requests("list", "applications").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Expired_watch_history_is_answered_by_listing_again()
    {
        await using var cluster = await ArgoCdCluster.StartAsync(new ArgoScenario { DropWatchMidSync = true, ExpireWatchHistoryMidSync = true });

        var deployment = await new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest(), Generous);

        deployment.Applications.ShouldAllBe(application => application.IsReady);
        cluster.Server.Calls.Requests("list", "applications").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Rerunning_deploy_changes_nothing_and_succeeds_again()
    {
        await using var cluster = await ArgoCdCluster.StartAsync();
        var deployer = new AppOfAppsDeployer(cluster.Client, cluster.Log);
        var manifest = cluster.WriteParentManifest();
        await deployer.DeployAsync(manifest, Generous);
        var childrenCreated = cluster.Calls.Count(call => call.Verb == "create-child");

        var second = await deployer.DeployAsync(manifest, Generous);

        second.Applications.Count.ShouldBe(4);
        second.Applications.ShouldAllBe(application => application.IsReady);
        cluster.Calls.Count(call => call.Verb == "create-child").ShouldBe(childrenCreated);
        cluster.Server.ApplicationCount().ShouldBe(4);
    }

    [Fact]
    public async Task Rerunning_deploy_requests_no_operation_patch_when_already_synced_so_no_hook_runs_again()
    {
        await using var cluster = await ArgoCdCluster.StartAsync();
        var deployer = new AppOfAppsDeployer(cluster.Client, cluster.Log);
        var manifest = cluster.WriteParentManifest();
        await deployer.DeployAsync(manifest, Generous);
        var firstPatches = cluster.Server.Calls.Requests("merge-patch", "applications").Count;

        await deployer.DeployAsync(manifest, Generous);

        var rerun = cluster.Server.Calls.Requests("merge-patch", "applications").Skip(firstPatches).ShouldHaveSingleItem();
        rerun.Detail.ShouldContain("\"argocd.argoproj.io/refresh\":\"normal\"");
        rerun.Detail.ShouldNotContain("\"operation\"");
        cluster.Calls.Count(call => call.Actor == "controller" && call.Verb == "sync-started").ShouldBe(1);
    }

    [Fact]
    public async Task Deploying_another_target_revision_requests_a_sync_even_though_the_parent_reads_synced()
    {
        await using var cluster = await ArgoCdCluster.StartAsync();
        var deployer = new AppOfAppsDeployer(cluster.Client, cluster.Log);
        var manifest = cluster.WriteParentManifest();
        await deployer.DeployAsync(manifest, Generous);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("targetRevision: main", "targetRevision: release-2", StringComparison.Ordinal));

        await deployer.DeployAsync(manifest, Generous);

        cluster.Server.Calls.Requests("merge-patch", "applications")[^1].Detail.ShouldContain("\"revision\":\"release-2\"");
        cluster.Calls.Count(call => call.Actor == "controller" && call.Verb == "sync-started").ShouldBe(2);
    }

    [Fact]
    public async Task A_child_still_reporting_synced_and_healthy_for_its_old_revision_is_not_ready()
    {
        await using var cluster = await ArgoCdCluster.StartAsync();
        var deployer = new AppOfAppsDeployer(cluster.Client, cluster.Log);
        await deployer.DeployAsync(cluster.WriteParentManifest(), Generous);

        cluster.Controller.ReviseChild("platform-core", "release-2", reconcileAfter: TimeSpan.FromMilliseconds(200));
        var applications = await deployer.WaitAsync(ArgoCdCluster.Parent, "argocd", Generous);

        var core = applications.Single(application => application.Name == "platform-core");
        core.ComparedSources.ShouldHaveSingleItem().GetProperty("targetRevision").GetString().ShouldBe("release-2");
        var revised = cluster.Calls.Single(call => call.Verb == "child-revised");
        cluster.Calls.ShouldContain(call => call.Verb == "child-reconciled" && call.Sequence > revised.Sequence);
    }

    [Theory]
    [InlineData("""{"status":"Synced","comparedTo":{"source":{"repoURL":"https://git.example/a.git","path":"charts/a","targetRevision":"1.0.0"}}}""", false)]
    [InlineData("""{"status":"OutOfSync","comparedTo":{"source":{"repoURL":"https://git.example/a.git","path":"charts/a","targetRevision":"2.0.0"}}}""", false)]
    [InlineData("""{"status":"Synced"}""", false)]
    [InlineData("""{"status":"Synced","comparedTo":{"source":{"repoURL":"https://git.example/a.git","path":"charts/a","targetRevision":"2.0.0"}}}""", true)]
    public void Readiness_requires_the_sync_status_to_be_about_the_spec_source(string sync, bool ready)
    {
        var json = """{"metadata":{"name":"a"},"spec":{"source":{"repoURL":"https://git.example/a.git","path":"charts/a","targetRevision":"2.0.0"}},"status":{"sync":"""
            + sync + ""","health":{"status":"Healthy"}}}""";
        var application = ArgoApplication.Parse(System.Text.Json.JsonDocument.Parse(json).RootElement);

        application.IsReady.ShouldBe(ready);
    }

    [Fact]
    public void A_running_operation_phase_is_not_ready_even_without_an_operation_field()
    {
        var application = ArgoApplication.Parse(System.Text.Json.JsonDocument.Parse("""
            {"metadata":{"name":"a"},"spec":{"source":{"repoURL":"r","path":"p","targetRevision":"main"}},
             "status":{"sync":{"status":"Synced","comparedTo":{"source":{"repoURL":"r","path":"p","targetRevision":"main"}}},"health":{"status":"Healthy"},
               "reconciledAt":"2026-01-01T00:00:10Z","operationState":{"phase":"Running","startedAt":"2026-01-01T00:00:00Z","finishedAt":"2026-01-01T00:00:05Z"}}}
            """).RootElement);

        application.IsReady.ShouldBeFalse();
    }

    [Theory]
    [InlineData(401, "HTTP 401 unauthorized")]
    [InlineData(403, "HTTP 403 forbidden")]
    public async Task A_refused_watch_fails_at_once_instead_of_retrying(int status, string expected)
    {
        await using var cluster = await ArgoCdCluster.StartAsync();
        cluster.Server.RefuseWatches(status);

        var failure = await Should.ThrowAsync<KubernetesAccessDeniedException>(() =>
            new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest(), Generous));

        failure.Message.ShouldStartWith($"Watching Argo CD Applications in namespace 'argocd' was refused: {expected}: ");
        cluster.Server.Calls.Requests("watch-refused", "applications").Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_throttled_or_unavailable_watch_is_retried(int status)
    {
        await using var cluster = await ArgoCdCluster.StartAsync();
        cluster.Server.RefuseWatches(status, times: 2);

        var deployment = await new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest(), Generous);

        deployment.Applications.ShouldAllBe(application => application.IsReady);
        cluster.Server.Calls.Requests("watch-refused", "applications").Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_manifest_the_api_server_rejects_is_reported_with_the_servers_reason()
    {
        await using var cluster = await ArgoCdCluster.StartAsync();

        var failure = await Should.ThrowAsync<ArgoCdException>(() =>
            new AppOfAppsDeployer(cluster.Client, cluster.Log).DeployAsync(cluster.WriteParentManifest("App_Of_Apps"), Generous));

        failure.Message.ShouldStartWith($"Applying {Path.Combine(cluster.Directory, "App_Of_Apps.yaml")} failed: HTTP 422 Invalid: ");
        failure.Message.ShouldContain("metadata.name: Invalid value: \"App_Of_Apps\"");
    }
}
