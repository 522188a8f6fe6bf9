using System.Text.Json.Nodes;
using GitOps.TestDoubles.Kubernetes;

namespace GitOps.Platform.Tests.ArgoCd;

/// <summary>
/// Argo CD's repo-server refuses an Application whose sources name one repository at different revisions
/// (argoproj/argo-cd#25605). The simulated controller does too, and every parent Application this repository
/// commits must get past it, or its stage stops syncing the moment main moves.
/// </summary>
public sealed class SameRepositoryRevisionTests
{
    [Theory]
    [InlineData("https://gitlab.example/eurodat/iac.git", "https://GitLab.Example/eurodat/iac")]
    [InlineData("https://gitlab.example/eurodat/iac/", "https://gitlab.example/eurodat/iac.git")]
    public async Task Sources_of_one_repository_at_different_revisions_get_a_comparison_error_and_never_sync(string chartRepo, string valuesRepo)
    {
        var server = await FakeKubeApiServer.StartAsync();
        await using var _ = server;
        var controller = SimulatedArgoCdController.Start(server, new ArgoScenario { Children = ["child"] });
        await using var __ = controller;
        server.Store.Create(ResourceType.Application, "argocd", Parent("parent", (chartRepo, "0e62172adede5d1658dc4048503aee0e095e9c52"), (valuesRepo, "main")));

        await SimulatedArgoCdControllerTests.WaitUntilAsync(() => Status("parent", server)?["conditions"] is JsonArray);

        var status = Status("parent", server)!;
        status["conditions"]![0]!["type"]!.ToString().ShouldBe("ComparisonError");
        status["conditions"]![0]!["message"]!.ToString().ShouldContain(ArgoRepoServerRules.DifferentRevisionMessage);
        status["operationState"]!["phase"]!.ToString().ShouldBe("Error");
        server.Store.Get(ResourceType.Application, "argocd", "child").ShouldBeNull("nothing is synced when the repo-server refuses to render");
    }

    [Fact]
    public async Task Sources_of_one_repository_at_one_revision_sync()
    {
        var server = await FakeKubeApiServer.StartAsync();
        await using var _ = server;
        var controller = SimulatedArgoCdController.Start(server, new ArgoScenario { Children = ["child"] });
        await using var __ = controller;
        const string Sha = "0e62172adede5d1658dc4048503aee0e095e9c52";
        server.Store.Create(ResourceType.Application, "argocd", Parent("parent", ("https://gitlab.example/eurodat/iac.git", Sha), ("https://gitlab.example/eurodat/iac.git", Sha)));

        await SimulatedArgoCdControllerTests.WaitUntilAsync(() => Status("parent", server)?["operationState"]?["phase"]?.ToString() is "Succeeded" or "Error" or "Failed");

        Status("parent", server)!["operationState"]!["phase"]!.ToString().ShouldBe("Succeeded");
    }

    /// <summary>Each stage's committed parent Applications, as the root Application syncs them, through the simulated repo-server.</summary>
    [Theory]
    [InlineData("dev")]
    [InlineData("nightly")]
    [InlineData("qa")]
    [InlineData("qa-int")]
    [InlineData("prod")]
    public void Every_committed_parent_application_gets_past_the_repo_server(string stage)
    {
        var applications = Documents(Path.Combine(RepositoryRoot.Path, "environments", stage, $"app-of-apps-{stage}.yaml"))
            .Concat(Documents(Path.Combine(RepositoryRoot.Path, "environments", stage, $"root-{stage}.yaml")))
            .Where(document => document["kind"]?.ToString() == "Application").ToList();
        applications.ShouldNotBeEmpty();
        foreach (var application in applications)
        {
            ArgoRepoServerRules.SameRepositoryConflict(application).ShouldBeNull($"{stage}: Application {application["metadata"]?["name"]}");
        }
    }

    private static IEnumerable<JsonObject> Documents(string path) => YamlManifests.Read(File.ReadAllText(path));

    private static JsonObject? Status(string name, FakeKubeApiServer server) =>
        server.Store.Get(ResourceType.Application, "argocd", name)?["status"] as JsonObject;

    private static JsonObject Parent(string name, (string Repo, string Revision) chart, (string Repo, string Revision) values) => new()
    {
        ["apiVersion"] = "argoproj.io/v1alpha1",
        ["kind"] = "Application",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "argocd" },
        ["spec"] = new JsonObject
        {
            ["sources"] = new JsonArray(
                new JsonObject { ["repoURL"] = chart.Repo, ["targetRevision"] = chart.Revision, ["path"] = "charts/app-of-apps" },
                new JsonObject { ["repoURL"] = values.Repo, ["targetRevision"] = values.Revision, ["ref"] = "values" }),
            ["destination"] = new JsonObject { ["name"] = "in-cluster", ["namespace"] = "argocd" },
        },
        ["operation"] = new JsonObject { ["sync"] = new JsonObject() },
    };
}
