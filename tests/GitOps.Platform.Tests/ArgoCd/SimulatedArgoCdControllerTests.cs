using System.Text.Json.Nodes;
using GitOps.TestDoubles.Kubernetes;

namespace GitOps.Platform.Tests.ArgoCd;

/// <summary>The simulated controller behaves as Argo CD v3.2's does where our code depends on it.</summary>
public sealed class SimulatedArgoCdControllerTests
{
    [Fact]
    public async Task An_error_inside_the_simulation_fails_the_test_when_the_controller_is_disposed()
    {
        var server = await FakeKubeApiServer.StartAsync();
        await using var _ = server;
        var controller = SimulatedArgoCdController.Start(server);
        // The API server's CRD schema would refuse this; here it makes the controller's reaction throw.
        server.Store.Create(ResourceType.Application, "argocd", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "broken" },
            ["operation"] = new JsonObject(),
            ["status"] = "not an object",
        });
        await WaitUntilAsync(() => controller.Failures.Count > 0);

        var failure = await Should.ThrowAsync<AggregateException>(async () => await controller.DisposeAsync());

        failure.Message.ShouldStartWith("The simulated Argo CD controller failed 1 time(s)");
    }

    [Fact]
    public void Compared_to_is_the_spec_as_argo_cd_encodes_it_not_the_stored_spec()
    {
        var application = JsonNode.Parse("""
            {"spec":{"sources":[{"repoURL":"https://git.example/iac.git","path":"charts/app-of-apps","targetRevision":"main",
                                 "helm":{"releaseName":"a","valueFiles":[],"skipCrds":false,"valuesObject":{"enabled":false}}},
                                {"repoURL":"https://git.example/iac.git","targetRevision":"main","ref":"values","path":""}],
                     "destination":{"name":"in-cluster","namespace":"argocd","server":""}}}
            """)!.AsObject();

        var compared = ArgoComparedTo.Of(application);

        compared.ToJsonString().ShouldBe(
            """{"source":{"repoURL":""},"destination":{"name":"in-cluster","namespace":"argocd"},"sources":["""
            + """{"repoURL":"https://git.example/iac.git","path":"charts/app-of-apps","targetRevision":"main","helm":{"releaseName":"a","valuesObject":{"enabled":false}}},"""
            + """{"repoURL":"https://git.example/iac.git","targetRevision":"main","ref":"values"}]}""");
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the simulated controller did not get there");
            await Task.Delay(10);
        }
    }
}
