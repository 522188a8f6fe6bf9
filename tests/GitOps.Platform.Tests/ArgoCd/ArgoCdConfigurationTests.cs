using System.Text.Json.Nodes;
using GitOps.Platform.ArgoCd;
using GitOps.TestDoubles.Kubernetes;

namespace GitOps.Platform.Tests.ArgoCd;

public sealed class ArgoCdConfigurationTests
{
    [Fact]
    public async Task Configuration_applies_a_project_per_stage_and_the_health_check_keeping_the_charts_settings()
    {
        await using var cluster = await ArgoCdCluster.StartAsync();
        // What the Helm chart put there before us.
        cluster.Server.Store.Create(ResourceType.ConfigMap, "argocd", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "argocd-cm" },
            ["data"] = new JsonObject { ["timeout.reconciliation"] = "180s" },
        });
        var configuration = new ArgoCdConfiguration(cluster.Client, cluster.Log);
        var repos = new[] { "https://gitlab.example.com/platform/gitops.git" };

        await configuration.ApplyAsync([ArgoProject.ForStage("dev", repos), ArgoProject.ForStage("qa", repos)], ApplicationHealthCheck.DefaultLua);

        var dev = cluster.Server.Store.Get(ResourceType.AppProject, "argocd", "dev").ShouldNotBeNull();
        dev["spec"]!["destinations"]![0]!["name"]!.GetValue<string>().ShouldBe("dev-*");
        dev["spec"]!["sourceRepos"]![0]!.GetValue<string>().ShouldBe(repos[0]);
        cluster.Server.Store.Get(ResourceType.AppProject, "argocd", "qa").ShouldNotBeNull();
        var data = cluster.Server.Store.Get(ResourceType.ConfigMap, "argocd", "argocd-cm")!["data"]!;
        data["resource.customizations.health.argoproj.io_Application"]!.GetValue<string>().ShouldBe(ApplicationHealthCheck.DefaultLua);
        data["timeout.reconciliation"]!.GetValue<string>().ShouldBe("180s");
    }

    [Fact]
    public async Task Applying_the_configuration_again_changes_nothing()
    {
        await using var cluster = await ArgoCdCluster.StartAsync();
        var configuration = new ArgoCdConfiguration(cluster.Client, cluster.Log);
        string[] repos = ["*"];
        await configuration.ApplyAsync([ArgoProject.ForStage("dev", repos)], ApplicationHealthCheck.DefaultLua);
        var before = cluster.Server.Store.CurrentRevision;

        await configuration.ApplyAsync([ArgoProject.ForStage("dev", repos)], ApplicationHealthCheck.DefaultLua);

        cluster.Server.Store.CurrentRevision.ShouldBe(before);
    }
}
