using GitOps.Platform.ArgoCd;

namespace GitOps.Platform.Tests.ArgoCd;

public sealed class AppOfAppsDeployerTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

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
}
