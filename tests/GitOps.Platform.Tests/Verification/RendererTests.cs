using GitOps.Platform.Environments;
using GitOps.Platform.Tests.Helm;
using GitOps.Platform.Verification;

namespace GitOps.Platform.Tests.Verification;

public sealed class RendererTests
{
    [Fact]
    public async Task Writes_one_file_per_resource_under_nuke_temp_rendered()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var renderer = new Renderer(await TestHelm.CliAsync());
        var environment = new EnvironmentId(Stage.QaInt, Cloud.Gcp);

        var rendered = await renderer.RenderAsync(copy.Root, environment, CancellationToken.None);

        rendered.Directory.ShouldBe(copy.PathOf(".nuke/temp/rendered/qa-int-gcp"));
        var names = rendered.Files.Select(Path.GetFileName).ToList();
        names.ShouldContain("application-portal-qa-int-gcp.yaml");
        names.ShouldContain("job-e2e-trigger-qa-int-gcp.yaml");
        names.ShouldNotContain(name => name!.StartsWith("sealedsecret-", StringComparison.Ordinal));
        var portal = await File.ReadAllTextAsync(Path.Combine(rendered.Directory, "application-portal-qa-int-gcp.yaml"));
        portal.ShouldStartWith("# Source: app-of-apps/templates/platform-applications.yaml");
        portal.ShouldContain("targetRevision: \"1.4.1\"");
    }

    [Fact]
    public async Task A_resource_removed_from_the_chart_does_not_linger_after_the_next_render()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var renderer = new Renderer(await TestHelm.CliAsync());
        var environment = new EnvironmentId(Stage.Dev, Cloud.Gcp);
        await renderer.RenderAsync(copy.Root, environment, CancellationToken.None);
        copy.Write("environments/dev/values-dev-gcp.yaml", copy.Read("environments/dev/values-dev-gcp.yaml") + "\ne2eTrigger:\n  enabled: false\n");

        var rendered = await renderer.RenderAsync(copy.Root, environment, CancellationToken.None);

        Directory.GetFiles(rendered.Directory).Select(Path.GetFileName).ShouldNotContain("job-e2e-trigger-dev-gcp.yaml");
        rendered.Files.Count.ShouldBe(Directory.GetFiles(rendered.Directory).Length);
    }

    [Fact]
    public async Task An_environment_without_values_file_is_named()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Delete("environments/prod/values-prod-gcp.yaml");
        var renderer = new Renderer(await TestHelm.CliAsync());

        var exception = await Should.ThrowAsync<FileNotFoundException>(() =>
            renderer.RenderAsync(copy.Root, new EnvironmentId(Stage.Prod, Cloud.Gcp), CancellationToken.None));

        exception.Message.ShouldBe("environments/prod/values-prod-gcp.yaml is missing; prod-gcp cannot be rendered");
    }
}
