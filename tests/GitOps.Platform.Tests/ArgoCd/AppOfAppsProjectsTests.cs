using System.Text.Json.Nodes;
using GitOps.Platform.ArgoCd;
using GitOps.Platform.Environments;

namespace GitOps.Platform.Tests.ArgoCd;

/// <summary>
/// Each stage's two AppProjects, as committed: the parents' reaches only Applications and the hook Job in the
/// management cluster's Argo CD namespace; the workloads' only the stage's environment clusters, with only the
/// cluster-scoped kinds the charts create. Argo CD (v3.2 AppProject.IsGroupKindPermitted) allows a cluster-scoped
/// kind only when it is listed, and every namespaced kind when namespaceResourceWhitelist is absent.
/// </summary>
public sealed class AppOfAppsProjectsTests
{
    private static readonly string[] WorkloadClusterKinds =
    [
        "/Namespace", "apiextensions.k8s.io/CustomResourceDefinition", "rbac.authorization.k8s.io/ClusterRole",
        "rbac.authorization.k8s.io/ClusterRoleBinding", "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
        "admissionregistration.k8s.io/MutatingWebhookConfiguration", "networking.k8s.io/IngressClass", "cert-manager.io/ClusterIssuer",
    ];

    public static TheoryData<string> Stages => new([.. Enum.GetValues<Stage>().Select(stage => stage.ToName())]);

    [Theory]
    [MemberData(nameof(Stages))]
    public void The_parents_project_reaches_only_the_argo_cd_namespace_and_the_hook_namespace_and_only_where_a_hook_runs_jobs(string stage)
    {
        var manifest = AppOfAppsManifest.Load(FileOf(stage), $"app-of-apps-{stage}-gcp");
        var rendersHook = stage != "nightly";

        var parents = manifest.Project.ShouldNotBeNull();
        Spec(parents, "clusterResourceWhitelist").ShouldBeEmpty();
        Spec(parents, "namespaceResourceWhitelist").Select(Kind).ShouldBe(rendersHook ? ["argoproj.io/Application", "batch/Job"] : ["argoproj.io/Application"]);
        Spec(parents, "destinations").Select(node => node!.ToJsonString()).ShouldBe(rendersHook
            ? ["""{"name":"in-cluster","namespace":"argocd"}""", $$"""{"name":"in-cluster","namespace":"eurodat-{{stage}}-e2e-hook"}"""]
            : ["""{"name":"in-cluster","namespace":"argocd"}"""]);
        Spec(parents, "sourceRepos").Select(node => node!.GetValue<string>()).ShouldBe(["https://gitlab.eurodat.example/eurodat/eurodat-trustee-iac.git"]);
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void The_workloads_project_reaches_only_the_environment_clusters_with_the_cluster_kinds_the_charts_need(string stage)
    {
        var manifest = AppOfAppsManifest.Load(FileOf(stage), $"app-of-apps-{stage}-gcp");
        var childProject = $"eurodat-{stage}";
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "environments", stage, $"values-{stage}-gcp.yaml")).ShouldContain($"project: {childProject}\n");

        var workloads = manifest.Projects.Single(project => project["metadata"]!["name"]!.GetValue<string>() == childProject);

        manifest.Project!["metadata"]!["name"]!.GetValue<string>().ShouldNotBe(childProject);
        Spec(workloads, "destinations").Select(node => node!.ToJsonString()).ShouldBe([$$"""{"name":"eurodat-{{stage}}-gcp","namespace":"*"}"""]);
        Spec(workloads, "clusterResourceWhitelist").Select(Kind).ShouldBe(WorkloadClusterKinds, ignoreOrder: true);
        Spec(workloads, "sourceRepos").Select(node => node!.GetValue<string>()).ShouldNotContain("https://gitlab.eurodat.example/eurodat/eurodat-trustee-iac.git");
        Spec(workloads, "sourceRepos").ShouldNotContain(node => node!.GetValue<string>().Contains('*', StringComparison.Ordinal));
    }

    private static string FileOf(string stage) => Path.Combine(RepositoryRoot.Path, "environments", stage, $"app-of-apps-{stage}.yaml");

    private static JsonArray Spec(JsonObject project, string field) => project["spec"]?[field] as JsonArray ?? [];

    private static string Kind(JsonNode? entry) => $"{entry!["group"]!.GetValue<string>()}/{entry["kind"]!.GetValue<string>()}";
}
