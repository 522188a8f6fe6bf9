using GitOps.Platform.ArgoCd;
using System.Text;
using System.Text.Json.Nodes;
using GitOps.Platform.Environments;
using GitOps.Platform.Lifecycle;
using GitOps.Platform.Tests.Terraform;
using GitOps.Targets.Errors;
using GitOps.TestDoubles.Kubernetes;

namespace GitOps.Platform.Tests.Lifecycle;

public sealed class EnvironmentLifecycleTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private static readonly DestroyApproval Local = new(null, Pipeline: false, ManualJob: false);

    [Fact]
    public async Task Provision_registers_the_cluster_under_its_catalog_name_and_deploy_leaves_every_application_healthy()
    {
        await using var world = await LifecycleWorld.StartAsync();
        await new ManagementClusterLifecycle(world.Context()).ProvisionAsync(Stage.Dev, Cloud.Gcp, CancellationToken.None);
        var lifecycle = new EnvironmentLifecycle(world.Context());

        var cluster = await lifecycle.ProvisionAsync(LifecycleWorld.DevGcp, terraformOnly: false, CancellationToken.None);
        var deployment = await lifecycle.DeployAppOfAppsAsync(LifecycleWorld.DevGcp, Generous, CancellationToken.None);

        cluster.Name.ShouldBe("gitops-dev-env");
        File.Exists(world.KubeconfigOf("dev-gcp")).ShouldBeTrue();
        var secret = world.Server.Store.Get(ResourceType.Secret, "argocd", "cluster-eurodat-dev-gcp").ShouldNotBeNull();
        Data(secret, "name").ShouldBe("eurodat-dev-gcp");
        Data(secret, "server").ShouldBe("https://10.0.0.1");
        world.Server.Store.Get(ResourceType.AppProject, "argocd", "eurodat-dev").ShouldNotBeNull();
        // Only the root is applied; Argo CD creates the parent from the file the root tracks, and the parent its children.
        deployment.Parent.ShouldBe(LifecycleWorld.DevRoot);
        deployment.Applications.Select(application => application.Name).ShouldBe(
            [LifecycleWorld.DevRoot, LifecycleWorld.DevParent, "platform-core", "platform-ingress", "platform-monitoring"], ignoreOrder: true);
        deployment.Applications.ShouldAllBe(application => application.IsReady);
        var projectApplied = world.Server.Calls.Requests("apply", "appprojects")[^1];
        var applied = world.Server.Calls.Requests("apply", "applications").ShouldHaveSingleItem();
        applied.Name.ShouldBe(LifecycleWorld.DevRoot);
        applied.Sequence.ShouldBeGreaterThan(projectApplied.Sequence);
        world.Server.Store.Get(ResourceType.AppProject, "argocd", "eurodat-dev-root").ShouldNotBeNull();
        var parent = world.Server.Store.Get(ResourceType.Application, "argocd", LifecycleWorld.DevParent).ShouldNotBeNull();
        KubeMetadata.Label(parent, SimulatedArgoCdController.InstanceLabel).ShouldBe(LifecycleWorld.DevRoot);
        world.Log.Text.ShouldNotContain("fake-bearer-token");
    }

    [Fact]
    public async Task Provision_binds_kubernetes_rbac_in_the_new_cluster_to_argo_cds_google_identity_before_registering_it()
    {
        await using var world = await LifecycleWorld.StartAsync();
        await new ManagementClusterLifecycle(world.Context()).ProvisionAsync(Stage.Dev, Cloud.Gcp, CancellationToken.None);

        await new EnvironmentLifecycle(world.Context()).ProvisionAsync(LifecycleWorld.DevGcp, terraformOnly: false, CancellationToken.None);

        var binding = world.Server.Store.Get(ResourceType.ClusterRoleBinding, "", ArgoCdClusterAccess.BindingName).ShouldNotBeNull();
        binding["roleRef"]!["name"]!.GetValue<string>().ShouldBe("cluster-admin");
        var subject = binding["subjects"]!.AsArray().Single()!;
        subject["kind"]!.GetValue<string>().ShouldBe("User");
        subject["name"]!.GetValue<string>().ShouldBe("argocd-dev@test-project.iam.gserviceaccount.com");
        var granted = world.Server.Calls.Requests("apply", "clusterrolebindings")[0];
        world.Server.Calls.Requests("apply", "secrets")[^1].Sequence.ShouldBeGreaterThan(granted.Sequence, "the cluster is registered only once Argo CD may deploy to it");
    }

    [Fact]
    public async Task Provision_gives_argocd_servers_google_identity_read_only_rbac_in_the_new_cluster_before_registering_it()
    {
        await using var world = await LifecycleWorld.StartAsync();
        await new ManagementClusterLifecycle(world.Context()).ProvisionAsync(Stage.Dev, Cloud.Gcp, CancellationToken.None);

        await new EnvironmentLifecycle(world.Context()).ProvisionAsync(LifecycleWorld.DevGcp, terraformOnly: false, CancellationToken.None);

        var role = world.Server.Store.Get(ResourceType.ClusterRole, "", ArgoCdServerClusterAccess.RoleName).ShouldNotBeNull();
        role["rules"]!.AsArray().ShouldNotBeEmpty();
        var binding = world.Server.Store.Get(ResourceType.ClusterRoleBinding, "", ArgoCdServerClusterAccess.RoleName).ShouldNotBeNull();
        binding["roleRef"]!["name"]!.GetValue<string>().ShouldBe(ArgoCdServerClusterAccess.RoleName);
        var subject = binding["subjects"]!.AsArray().Single()!;
        subject["kind"]!.GetValue<string>().ShouldBe("User");
        subject["name"]!.GetValue<string>().ShouldBe("argocd-server-dev@test-project.iam.gserviceaccount.com");
        var granted = world.Server.Calls.Requests("apply", "clusterrolebindings")[^1];
        world.Server.Calls.Requests("apply", "secrets")[^1].Sequence.ShouldBeGreaterThan(granted.Sequence);
    }

    [Fact]
    public async Task A_missing_state_bucket_is_a_refused_request_before_terraform_runs()
    {
        await using var world = await LifecycleWorld.StartAsync();
        var context = world.Context();
        var withoutBucket = new LifecycleContext
        {
            RepositoryRoot = context.RepositoryRoot,
            TemporaryDirectory = context.TemporaryDirectory,
            Tools = context.Tools,
            Secrets = context.Secrets,
            Log = context.Log,
            Environment = _ => null,
            Clouds = context.Clouds,
        };

        var failure = await Should.ThrowAsync<UsageException>(() =>
            new EnvironmentLifecycle(withoutBucket).ProvisionAsync(LifecycleWorld.DevGcp, terraformOnly: true, CancellationToken.None));

        failure.Message.ShouldBe("No Terraform state bucket for dev-gcp: set state_bucket in environments/terraform/gcp/stages/foundation/dev.tfvars (--tf-state-bucket or TF_STATE_BUCKET may only repeat it)");
        world.Runner.Commands.ShouldBeEmpty();
    }

    [Fact]
    public async Task Destroy_removes_only_this_environments_applications_and_its_secret_before_terraform_destroys_the_cluster()
    {
        await using var world = await LifecycleWorld.StartAsync();
        await world.DeployDevAsync();
        AnotherCloudOfTheStage(world);
        world.Runner.Clear();

        await new EnvironmentLifecycle(world.Context()).DestroyAsync(LifecycleWorld.DevGcp, Generous, Local, CancellationToken.None);

        var calls = world.Server.Calls.All;
        var terraformDestroy = calls.Last(call => call.Verb == "terraform-apply");
        terraformDestroy.Resource.ShouldBe("environment-cluster");
        terraformDestroy.Detail.ShouldBe("applications=0");
        var lastApplicationGone = calls.Last(call => call.Actor == "controller" && call.Verb == "finalizer-removed");
        var secretDeleted = calls.Single(call => call.Actor == "client" && call.Verb == "delete" && call.Resource == "secrets");
        terraformDestroy.Sequence.ShouldBeGreaterThan(lastApplicationGone.Sequence);
        terraformDestroy.Sequence.ShouldBeGreaterThan(secretDeleted.Sequence);
        world.ApplicationsOf(LifecycleWorld.DevParent).ShouldBe(0);
        world.ApplicationsOf("app-of-apps-dev-other").ShouldBe(2);

        // The root went first, without cascading and with its self-heal off, so nothing it held came back.
        bool DeleteOfApplication(KubeCall call) => call.Actor == "client" && call.Verb == "delete" && call.Resource == "applications";
        var rootDeleted = calls.Single(call => DeleteOfApplication(call) && call.Name == LifecycleWorld.DevRoot);
        calls.Where(DeleteOfApplication).First().ShouldBe(rootDeleted);
        world.Server.Store.Get(ResourceType.Application, "argocd", LifecycleWorld.DevRoot).ShouldBeNull();
        calls.ShouldNotContain(call => call.Verb == "self-healed");
        world.Server.Store.Get(ResourceType.AppProject, "argocd", "eurodat-dev").ShouldNotBeNull();
        world.Server.Store.Get(ResourceType.Secret, "argocd", "cluster-eurodat-dev-gcp").ShouldBeNull();
        File.Exists(world.KubeconfigOf("dev-gcp")).ShouldBeFalse();
        world.Runner.Commands.ShouldBe(["environment-cluster init", "environment-cluster plan", "environment-cluster apply"]);
    }

    [Theory]
    [InlineData("revoked credentials")]
    [InlineData("unreachable state")]
    public async Task Destroy_checks_that_terraform_can_run_before_it_deletes_any_application(string failure)
    {
        await using var world = await LifecycleWorld.StartAsync();
        await using var state = await HttpStateServer.StartAsync();
        world.UseHttpStateForEnvironments(state);
        await world.DeployDevAsync();
        state.Holds("dev-gcp").ShouldBeTrue();
        var applications = world.ApplicationsOf(LifecycleWorld.DevParent);
        applications.ShouldBe(4);
        if (failure == "revoked credentials")
        {
            state.Password = "rotated-by-someone-else";
        }
        else
        {
            await state.DisposeAsync();
        }

        world.Runner.Clear();
        var before = world.Server.Calls.All.Count;
        await Should.ThrowAsync<Exception>(() =>
            new EnvironmentLifecycle(world.Context()).DestroyAsync(LifecycleWorld.DevGcp, Generous, Local, CancellationToken.None));

        world.ApplicationsOf(LifecycleWorld.DevParent).ShouldBe(applications);
        world.Server.Calls.All.Skip(before).ShouldNotContain(call => call.Actor == "client" && (call.Verb == "delete" || call.Verb == "merge-patch"));
        world.Server.Store.Get(ResourceType.Secret, "argocd", "cluster-eurodat-dev-gcp").ShouldNotBeNull();
        world.Runner.Commands.ShouldNotContain(command => command.StartsWith("environment-cluster apply", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Destroy_with_an_empty_state_refuses_to_delete_what_argo_cd_still_deploys()
    {
        await using var world = await LifecycleWorld.StartAsync();
        await world.DeployDevAsync();
        File.Delete(world.StateFileOf("dev-gcp"));
        world.Runner.Clear();

        var failure = await Should.ThrowAsync<BuildFailedException>(() =>
            new EnvironmentLifecycle(world.Context()).DestroyAsync(LifecycleWorld.DevGcp, Generous, Local, CancellationToken.None));

        failure.Message.ShouldContain("holds no cluster, but Argo CD still deploys 'app-of-apps-dev-gcp'; nothing was deleted");
        world.ApplicationsOf(LifecycleWorld.DevParent).ShouldBe(4);
        world.Server.Calls.All.ShouldNotContain(call => call.Actor == "client" && call.Verb == "delete");
    }

    [Fact]
    public async Task A_stuck_application_stops_the_destroy_before_terraform_and_is_named()
    {
        await using var world = await LifecycleWorld.StartAsync(new ArgoScenario { StuckApplications = new HashSet<string> { "platform-ingress" } });
        await world.DeployDevAsync();
        world.Runner.Clear();

        var failure = await Should.ThrowAsync<BuildFailedException>(() =>
            new EnvironmentLifecycle(world.Context()).DestroyAsync(LifecycleWorld.DevGcp, TimeSpan.FromSeconds(1), Local, CancellationToken.None));

        failure.Message.ShouldContain("the cluster is NOT destroyed");
        failure.Message.ShouldContain("platform-ingress (finalizers: resources-finalizer.argocd.argoproj.io");
        world.Runner.Commands.ShouldBe(["environment-cluster init", "environment-cluster plan"]);
        world.Server.Store.Get(ResourceType.Secret, "argocd", "cluster-eurodat-dev-gcp").ShouldNotBeNull();
        File.Exists(world.KubeconfigOf("dev-gcp")).ShouldBeTrue();
    }

    [Fact]
    public async Task Rerunning_provision_deploy_and_destroy_changes_nothing()
    {
        await using var world = await LifecycleWorld.StartAsync();
        await world.DeployDevAsync();
        var lifecycle = new EnvironmentLifecycle(world.Context());
        var secretVersion = ResourceVersion(world.Server.Store.Get(ResourceType.Secret, "argocd", "cluster-eurodat-dev-gcp"));
        world.Runner.Clear();

        await lifecycle.ProvisionAsync(LifecycleWorld.DevGcp, terraformOnly: false, CancellationToken.None);
        var again = await lifecycle.DeployAppOfAppsAsync(LifecycleWorld.DevGcp, Generous, CancellationToken.None);

        world.Runner.Commands.ShouldBe(["environment-cluster init", "environment-cluster plan", "environment-cluster output"]);
        ResourceVersion(world.Server.Store.Get(ResourceType.Secret, "argocd", "cluster-eurodat-dev-gcp")).ShouldBe(secretVersion);
        again.Applications.Count.ShouldBe(5);
        again.Applications.ShouldAllBe(application => application.IsReady);

        await lifecycle.DestroyAsync(LifecycleWorld.DevGcp, Generous, Local, CancellationToken.None);
        var revision = world.Server.Store.CurrentRevision;
        world.Runner.Clear();
        await lifecycle.DestroyAsync(LifecycleWorld.DevGcp, Generous, Local, CancellationToken.None);

        world.Server.Store.CurrentRevision.ShouldBe(revision);
        world.Runner.Commands.ShouldBe(["environment-cluster init", "environment-cluster plan"]);
    }

    [Fact]
    public async Task Refused_credentials_while_waiting_name_the_management_kubeconfig()
    {
        await using var world = await LifecycleWorld.StartAsync();
        await new ManagementClusterLifecycle(world.Context()).ProvisionAsync(Stage.Dev, Cloud.Gcp, CancellationToken.None);
        var environment = new EnvironmentLifecycle(world.Context());
        await environment.ProvisionAsync(LifecycleWorld.DevGcp, terraformOnly: false, CancellationToken.None);
        world.Server.RefuseWatches(401);

        var failure = await Should.ThrowAsync<GitOps.Targets.Errors.BuildFailedException>(() =>
            environment.DeployAppOfAppsAsync(LifecycleWorld.DevGcp, TimeSpan.FromSeconds(30), CancellationToken.None));

        failure.Message.ShouldStartWith($"Watching Argo CD Applications in namespace 'argocd' was refused: HTTP 401 unauthorized (kubeconfig {world.KubeconfigOf("dev-mgmt")}): ");
    }

    [Fact]
    public async Task Terraform_only_writes_both_kubeconfigs_and_neither_registers_nor_deploys()
    {
        await using var world = await LifecycleWorld.StartAsync();
        await new ManagementClusterLifecycle(world.Context()).ProvisionAsync(Stage.Dev, Cloud.Gcp, CancellationToken.None);
        File.Delete(world.KubeconfigOf("dev-mgmt"));
        world.Runner.Clear();

        await new EnvironmentLifecycle(world.Context()).ProvisionAsync(LifecycleWorld.DevGcp, terraformOnly: true, CancellationToken.None);

        File.Exists(world.KubeconfigOf("dev-gcp")).ShouldBeTrue();
        File.Exists(world.KubeconfigOf("dev-mgmt")).ShouldBeTrue();
        world.Runner.Commands.ShouldBe([
            "environment-cluster init", "environment-cluster plan", "environment-cluster apply", "environment-cluster output",
            "management-cluster init", "management-cluster output"]);
        world.Server.Store.Get(ResourceType.Secret, "argocd", ClusterRegistration.SecretNameFor("eurodat-dev-gcp")).ShouldBeNull();
        world.Server.ApplicationCount().ShouldBe(0);
    }

    [Fact]
    public async Task A_missing_management_kubeconfig_is_read_from_terraform_state()
    {
        await using var world = await LifecycleWorld.StartAsync();
        await new ManagementClusterLifecycle(world.Context()).ProvisionAsync(Stage.Dev, Cloud.Gcp, CancellationToken.None);
        File.Delete(world.KubeconfigOf("dev-mgmt"));

        await new EnvironmentLifecycle(world.Context()).ProvisionAsync(LifecycleWorld.DevGcp, terraformOnly: false, CancellationToken.None);

        File.Exists(world.KubeconfigOf("dev-mgmt")).ShouldBeTrue();
        world.Server.Store.Get(ResourceType.Secret, "argocd", "cluster-eurodat-dev-gcp").ShouldNotBeNull();
    }

    [Fact]
    public async Task Without_a_management_cluster_provision_stops_before_terraform_and_says_what_to_run()
    {
        await using var world = await LifecycleWorld.StartAsync();

        var failure = await Should.ThrowAsync<BuildFailedException>(() =>
            new EnvironmentLifecycle(world.Context()).ProvisionAsync(LifecycleWorld.DevGcp, terraformOnly: false, CancellationToken.None));

        failure.Message.ShouldStartWith($"No kubeconfig for the management cluster of stage dev ({world.KubeconfigOf("dev-mgmt")}) and none from Terraform state: ");
        failure.Message.ShouldEndWith("Run ProvisionManagementCluster --stage dev --mgmt-cloud gcp, or pass --mgmt-kubeconfig.");
        failure.Message.ShouldNotContain("\n");
        world.Runner.Commands.ShouldBe(["management-cluster init", "management-cluster output"]);
    }

    [Fact]
    public async Task A_given_management_kubeconfig_that_does_not_exist_is_refused()
    {
        await using var world = await LifecycleWorld.StartAsync();
        var missing = Path.Combine(world.Root, "nowhere", "kubeconfig");

        var failure = await Should.ThrowAsync<UsageException>(() =>
            new EnvironmentLifecycle(world.Context(missing)).DeployAppOfAppsAsync(LifecycleWorld.DevGcp, Generous, CancellationToken.None));

        failure.Message.ShouldBe($"--mgmt-kubeconfig {missing}: file not found");
    }

    [Fact]
    public async Task Prod_destroy_is_refused_without_the_exact_confirmation_and_in_a_pipeline_without_a_manual_job()
    {
        await using var world = await LifecycleWorld.StartAsync();
        var lifecycle = new EnvironmentLifecycle(world.Context());
        var prod = new EnvironmentId(Stage.Prod, Cloud.Gcp);

        var unconfirmed = await Should.ThrowAsync<UsageException>(() => lifecycle.DestroyAsync(prod, Generous, Local, CancellationToken.None));
        var mistyped = await Should.ThrowAsync<UsageException>(() =>
            lifecycle.DestroyAsync(prod, Generous, new DestroyApproval("prod", Pipeline: false, ManualJob: false), CancellationToken.None));
        var scheduled = await Should.ThrowAsync<UsageException>(() =>
            lifecycle.DestroyAsync(prod, Generous, new DestroyApproval("prod-gcp", Pipeline: true, ManualJob: false), CancellationToken.None));

        unconfirmed.Message.ShouldBe("Destroying prod-gcp needs --confirm-destroy prod-gcp (exactly <stage>-<cloud>, or <stage>-mgmt for the management cluster); it was not given. Nothing was destroyed.");
        mistyped.Message.ShouldContain("'prod' does not match");
        scheduled.Message.ShouldBe("Destroying prod-gcp from a pipeline runs only in a manual job (when: manual, CI_JOB_MANUAL=true), as the generated prod Destroy is; this job is not one. Nothing was destroyed.");
        world.Runner.Commands.ShouldBeEmpty();
        world.Server.Calls.All.ShouldBeEmpty();
    }

    private static void AnotherCloudOfTheStage(LifecycleWorld world)
    {
        world.Server.Store.Create(ResourceType.Application, "argocd", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "app-of-apps-dev-other" } });
        world.Server.Store.Create(ResourceType.Application, "argocd", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "other-core", ["labels"] = new JsonObject { [SimulatedArgoCdController.InstanceLabel] = "app-of-apps-dev-other" } },
        });
    }

    private static string? ResourceVersion(JsonObject? resource) => resource?["metadata"]?["resourceVersion"]?.GetValue<string>();

    private static string Data(JsonObject secret, string key) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]![key]!.GetValue<string>()));
}
