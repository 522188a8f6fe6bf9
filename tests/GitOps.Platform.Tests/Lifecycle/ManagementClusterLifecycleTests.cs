using GitOps.Platform.ArgoCd;
using GitOps.Platform.Environments;
using GitOps.Platform.Lifecycle;
using GitOps.Targets.Errors;
using GitOps.TestDoubles.Kubernetes;

namespace GitOps.Platform.Tests.Lifecycle;

public sealed class ManagementClusterLifecycleTests
{
    private static readonly DestroyApproval Local = new(null, Pipeline: false, ManualJob: false);

    [Fact]
    public async Task Provisioning_installs_the_pinned_argo_cd_into_the_new_cluster_then_applies_the_stage_project_and_health_check()
    {
        await using var world = await LifecycleWorld.StartAsync();

        var cluster = await new ManagementClusterLifecycle(world.Context()).ProvisionAsync(Stage.Dev, Cloud.Gcp, CancellationToken.None);

        cluster.KubeconfigPath.ShouldBe(world.KubeconfigOf("dev-mgmt"));
        var (chart, kubeconfig, annotations) = world.Installer.Installs.ShouldHaveSingleItem();
        kubeconfig.ShouldBe(world.KubeconfigOf("dev-mgmt"));
        annotations.Keys.ShouldBe(["controller", "server"], ignoreOrder: true);
        annotations["controller"].ShouldBe(new Dictionary<string, string> { ["iam.gke.io/gcp-service-account"] = "argocd-dev@test-project.iam.gserviceaccount.com" });
        annotations["server"].ShouldBe(new Dictionary<string, string> { ["iam.gke.io/gcp-service-account"] = "argocd-server-dev@test-project.iam.gserviceaccount.com" });
        chart.ShouldBe(ArgoCdChart.Load(world.Root));
        chart.Version.ShouldBe("9.1.4");
        var calls = world.Server.Calls.All;
        var install = calls.Single(call => call.Verb == "helm-install");
        calls.Last(call => call.Verb == "terraform-apply").Sequence.ShouldBeLessThan(install.Sequence);
        calls.Where(call => call.Actor == "client").ShouldAllBe(call => call.Sequence > install.Sequence);
        world.Server.Store.Get(ResourceType.AppProject, "argocd", "eurodat-dev").ShouldNotBeNull()["spec"]!["description"]!
            .GetValue<string>().ShouldBe("EuroDaT dev stage");
        world.Server.Store.Get(ResourceType.AppProject, "argocd", "eurodat-dev-app-of-apps").ShouldNotBeNull()["spec"]!["clusterResourceWhitelist"]!
            .AsArray().ShouldBeEmpty();
        world.Server.Store.Count(ResourceType.AppProject).ShouldBe(3);
        var configMap = world.Server.Store.Get(ResourceType.ConfigMap, "argocd", "argocd-cm").ShouldNotBeNull();
        configMap["data"]![ApplicationHealthCheck.ConfigMapKey]!.GetValue<string>().ShouldBe(chart.ApplicationHealthLua);
    }

    [Fact]
    public async Task Provisioning_creates_the_e2e_trigger_token_secret_the_chart_references_from_the_ci_variable_masked()
    {
        await using var world = await LifecycleWorld.StartAsync();
        // As a real API server does: no namespaced object in a namespace that does not exist. helm made argocd.
        world.Server.Store.RequireNamespaces = true;
        world.Server.Store.Apply(ResourceType.Namespace, string.Empty, "argocd", Namespace("argocd"), "helm");
        // Where an earlier version kept the token: Argo CD's namespace, reachable by every Job a parent could create there.
        world.Server.Store.Apply(ResourceType.Secret, "argocd", "e2e-trigger-token", new System.Text.Json.Nodes.JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "e2e-trigger-token", ["namespace"] = "argocd" },
            ["stringData"] = new System.Text.Json.Nodes.JsonObject { ["token"] = LifecycleWorld.TriggerToken },
        }, "gitops");

        await new ManagementClusterLifecycle(world.Context()).ProvisionAsync(Stage.Dev, Cloud.Gcp, CancellationToken.None);

        // The hook Job runs in a namespace of its own, not in Argo CD's, so the token lives there too.
        world.Server.Store.Get(ResourceType.Namespace, string.Empty, "eurodat-dev-e2e-hook").ShouldNotBeNull();
        world.Server.Store.Get(ResourceType.Secret, "argocd", "e2e-trigger-token").ShouldBeNull();
        var secret = world.Server.Store.Get(ResourceType.Secret, "eurodat-dev-e2e-hook", "e2e-trigger-token").ShouldNotBeNull();
        var stored = secret["stringData"]?["token"]?.GetValue<string>()
            ?? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]!["token"]!.GetValue<string>()));
        stored.ShouldBe(LifecycleWorld.TriggerToken);
        world.Masker.Apply($"token {LifecycleWorld.TriggerToken}").ShouldNotContain(LifecycleWorld.TriggerToken);
        world.Log.Text.ShouldNotContain(LifecycleWorld.TriggerToken);
    }

    [Fact]
    public async Task Provisioning_takes_everything_from_argo_cds_built_in_default_project()
    {
        await using var world = await LifecycleWorld.StartAsync();
        // What argocd-server creates at its first start when no project "default" exists.
        world.Server.Store.Apply(ResourceType.AppProject, "argocd", "default", new System.Text.Json.Nodes.JsonObject
        {
            ["apiVersion"] = "argoproj.io/v1alpha1",
            ["kind"] = "AppProject",
            ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "default", ["namespace"] = "argocd" },
            ["spec"] = System.Text.Json.Nodes.JsonNode.Parse("""
                {"sourceRepos":["*"],"destinations":[{"server":"*","namespace":"*"}],"clusterResourceWhitelist":[{"group":"*","kind":"*"}]}
                """),
        }, "argocd-server");

        await new ManagementClusterLifecycle(world.Context()).ProvisionAsync(Stage.Dev, Cloud.Gcp, CancellationToken.None);

        var spec = world.Server.Store.Get(ResourceType.AppProject, "argocd", "default").ShouldNotBeNull()["spec"]!;
        spec["sourceRepos"]!.AsArray().ShouldBeEmpty();
        spec["destinations"]!.AsArray().ShouldBeEmpty();
        spec["clusterResourceWhitelist"]!.AsArray().ShouldBeEmpty();
        spec["namespaceResourceBlacklist"]!.ToJsonString().ShouldBe("""[{"group":"*","kind":"*"}]""");
    }

    private static System.Text.Json.Nodes.JsonObject Namespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = name },
    };

    [Fact]
    public async Task Provisioning_without_the_e2e_trigger_token_is_refused_before_terraform_naming_the_variable()
    {
        await using var world = await LifecycleWorld.StartAsync();
        world.Variables.Remove(E2eTriggerToken.Variable);

        var refusal = await Should.ThrowAsync<UsageException>(() =>
            new ManagementClusterLifecycle(world.Context()).ProvisionAsync(Stage.Dev, Cloud.Gcp, CancellationToken.None));

        refusal.Message.ShouldStartWith("E2E_TRIGGER_TOKEN is not set");
        world.Runner.Commands.ShouldBeEmpty();
    }

    [Fact]
    public async Task Provisioning_again_applies_no_terraform_and_changes_no_argo_cd_object()
    {
        await using var world = await LifecycleWorld.StartAsync();
        var lifecycle = new ManagementClusterLifecycle(world.Context());
        await lifecycle.ProvisionAsync(Stage.Dev, Cloud.Gcp, CancellationToken.None);
        var revision = world.Server.Store.CurrentRevision;
        world.Runner.Clear();

        await lifecycle.ProvisionAsync(Stage.Dev, Cloud.Gcp, CancellationToken.None);

        world.Runner.Commands.ShouldBe(["management-cluster init", "management-cluster plan", "management-cluster output"]);
        world.Server.Store.CurrentRevision.ShouldBe(revision);
    }

    [Fact]
    public async Task Destroying_is_refused_while_environment_clusters_of_the_stage_are_registered_and_allowed_after()
    {
        await using var world = await LifecycleWorld.StartAsync();
        await world.DeployDevAsync();
        var management = new ManagementClusterLifecycle(world.Context());
        world.Runner.Clear();

        var refusal = await Should.ThrowAsync<UsageException>(() => management.DestroyAsync(Stage.Dev, Cloud.Gcp, Local, CancellationToken.None));

        refusal.Message.ShouldStartWith("Refusing to destroy the management cluster of stage 'dev': environment clusters are still registered with its Argo CD: eurodat-dev-gcp (https://10.0.0.1)");
        world.Runner.Commands.ShouldNotContain("management-cluster destroy");
        File.Exists(world.KubeconfigOf("dev-mgmt")).ShouldBeTrue();

        await new EnvironmentLifecycle(world.Context()).DestroyAsync(LifecycleWorld.DevGcp, TimeSpan.FromSeconds(30), Local, CancellationToken.None);
        await management.DestroyAsync(Stage.Dev, Cloud.Gcp, Local, CancellationToken.None);
        world.Runner.Commands.ShouldContain("management-cluster destroy");
        File.Exists(world.KubeconfigOf("dev-mgmt")).ShouldBeFalse();

        // Rerun: the state holds no cluster any more, so there is nothing to ask and nothing to destroy.
        world.Runner.Clear();
        await management.DestroyAsync(Stage.Dev, Cloud.Gcp, Local, CancellationToken.None);
        world.Runner.Commands.ShouldBe(["management-cluster init", "management-cluster output", "management-cluster init", "management-cluster destroy"]);
    }

    [Fact]
    public async Task Destroying_is_refused_while_any_application_exists_even_with_no_cluster_registered()
    {
        await using var world = await LifecycleWorld.StartAsync();
        await new ManagementClusterLifecycle(world.Context()).ProvisionAsync(Stage.Dev, Cloud.Gcp, CancellationToken.None);
        world.Server.Store.Create(ResourceType.Application, "argocd", new System.Text.Json.Nodes.JsonObject
        {
            ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "in-cluster-monitoring" },
            ["spec"] = new System.Text.Json.Nodes.JsonObject { ["destination"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "in-cluster" } },
        });
        world.Runner.Clear();

        var refusal = await Should.ThrowAsync<UsageException>(() =>
            new ManagementClusterLifecycle(world.Context()).DestroyAsync(Stage.Dev, Cloud.Gcp, Local, CancellationToken.None));

        refusal.Message.ShouldStartWith("Refusing to destroy the management cluster of stage 'dev': Argo CD still has applications: in-cluster-monitoring.");
        world.Runner.Commands.ShouldNotContain("management-cluster destroy");
    }

    [Fact]
    public async Task Destroying_prod_management_needs_its_own_confirmation()
    {
        await using var world = await LifecycleWorld.StartAsync();

        var refusal = await Should.ThrowAsync<UsageException>(() => new ManagementClusterLifecycle(world.Context())
            .DestroyAsync(Stage.Prod, Cloud.Gcp, new DestroyApproval("prod-gcp", Pipeline: false, ManualJob: false), CancellationToken.None));

        refusal.Message.ShouldStartWith("Destroying prod-mgmt needs --confirm-destroy prod-mgmt");
        world.Runner.Commands.ShouldBeEmpty();
    }
}
