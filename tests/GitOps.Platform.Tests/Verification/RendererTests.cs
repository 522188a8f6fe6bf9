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
        var renderer = new Renderer(await TestHelm.CliAsync(), TestHelm.Runner);
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
        var renderer = new Renderer(await TestHelm.CliAsync(), TestHelm.Runner);
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
        copy.Delete("environments/dev/values-dev-gcp.yaml");
        var renderer = new Renderer(await TestHelm.CliAsync(), TestHelm.Runner);

        var exception = await Should.ThrowAsync<FileNotFoundException>(() =>
            renderer.RenderAsync(copy.Root, new EnvironmentId(Stage.Dev, Cloud.Gcp), CancellationToken.None));

        exception.Message.ShouldBe("environments/dev/values-dev-gcp.yaml is missing; dev-gcp cannot be rendered");
    }

    [Fact]
    public async Task A_promoted_stage_renders_its_values_file_at_the_pin_with_the_release_of_its_parent()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        const string Values = "environments/prod/values-prod-gcp.yaml";
        copy.Replace(Values, "portal.gcp.eurodat.org", "portal.changed-on-main.example");
        copy.Replace("environments/prod/app-of-apps-prod.yaml", "value: \"1.3.0\"", "value: \"1.3.7\"");
        var renderer = new Renderer(await TestHelm.CliAsync(), TestHelm.Runner);

        var rendered = await renderer.RenderAsync(copy.Root, new EnvironmentId(Stage.Prod, Cloud.Gcp), CancellationToken.None);

        var text = string.Join('\n', rendered.Files.Select(File.ReadAllText));
        text.ShouldNotContain("changed-on-main", customMessage: "prod reads its values file at the pin, not main's");
        text.ShouldContain("portal.gcp.eurodat.org");
        text.ShouldContain("targetRevision: \"1.3.7\"", customMessage: "the release is the parent's parameter, which moves on main");
    }

    [Fact]
    public async Task A_chart_change_reaches_dev_and_nightly_at_once_and_a_promoted_stage_only_when_its_pin_moves()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var renderer = new Renderer(await TestHelm.CliAsync(), TestHelm.Runner);
        var catalog = StageCatalog.Load(copy.PathOf(EnvironmentLayout.StagesFile));
        async Task<string> PortalAsync(EnvironmentId environment)
        {
            var rendered = await renderer.RenderAsync(copy.Root, environment, CancellationToken.None);
            return await File.ReadAllTextAsync(Path.Combine(rendered.Directory, $"application-portal-{environment}.yaml"));
        }

        var before = new Dictionary<EnvironmentId, string>();
        foreach (var environment in catalog.Environments)
        {
            before[environment] = await PortalAsync(environment);
        }

        // A change merged to the chart on main: a new label on every platform Application.
        const string Helpers = "charts/app-of-apps/templates/_helpers.tpl";
        copy.Replace(Helpers, "  app.kubernetes.io/managed-by: app-of-apps\n", "  app.kubernetes.io/managed-by: app-of-apps\n  changed-on-main: \"yes\"\n");
        var main = await copy.CommitAsync("change a chart template on main");

        foreach (var environment in catalog.Environments)
        {
            var after = await PortalAsync(environment);
            if (catalog.IsPinned(environment.Stage))
            {
                after.ShouldBe(before[environment], $"{environment} is pinned and must not change");
            }
            else
            {
                after.ShouldContain("changed-on-main: \"yes\"", customMessage: $"{environment} follows main");
            }
        }

        // The promotion merge request moves qa's pin: now qa runs the change, qa-int and prod still do not.
        const string QaFile = "environments/qa/app-of-apps-qa.yaml";
        copy.Write(QaFile, ConfigurationPins.WithPin(copy.Read(QaFile), QaFile, main));
        (await PortalAsync(new EnvironmentId(Stage.Qa, Cloud.Gcp))).ShouldContain("changed-on-main: \"yes\"");
        var qaInt = new EnvironmentId(Stage.QaInt, Cloud.Gcp);
        (await PortalAsync(qaInt)).ShouldBe(before[qaInt]);
        var rendered = await renderer.RenderAsync(copy.Root, qaInt, CancellationToken.None);
        rendered.Pin.ShouldNotBeNull().Sha.ShouldNotBe(main);
    }

    [Fact]
    public async Task A_pin_this_clone_does_not_have_is_one_line_naming_the_file_and_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        const string ProdFile = "environments/prod/app-of-apps-prod.yaml";
        const string Unknown = "0123456789abcdef0123456789abcdef01234567";
        copy.Write(ProdFile, ConfigurationPins.WithPin(copy.Read(ProdFile), ProdFile, Unknown));
        var line = ConfigurationPins.Parse(copy.Read(ProdFile), ProdFile, Stage.Prod).Line;

        var renderer = new Renderer(await TestHelm.CliAsync(), TestHelm.Runner);
        var exception = await Should.ThrowAsync<ConfigurationPinException>(() =>
            renderer.RenderAsync(copy.Root, new EnvironmentId(Stage.Prod, Cloud.Gcp), CancellationToken.None));

        exception.Message.ShouldBe($"{ProdFile}:{line}: stage prod's pin {Unknown} is not a commit of this repository's history; fetch it from the remote, or move the pin only through the promotion merge request");
    }

    [Fact]
    public async Task A_pin_only_a_merge_requests_branch_has_is_not_rendered_naming_the_file_line_and_main()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        const string ProdFile = "environments/prod/app-of-apps-prod.yaml";
        var main = await copy.HeadAsync();
        await copy.GitAsync("checkout", "--quiet", "-b", "feature");
        copy.Write("charts/app-of-apps/NOTES.txt", "only on the MR branch\n");
        var changed = await copy.CommitAsync("C1");
        copy.Write(ProdFile, ConfigurationPins.WithPin(copy.Read(ProdFile), ProdFile, changed));
        var line = ConfigurationPins.Parse(copy.Read(ProdFile), ProdFile, Stage.Prod).Line;

        var renderer = new Renderer(await TestHelm.CliAsync(), TestHelm.Runner);
        var exception = await Should.ThrowAsync<ConfigurationPinException>(() =>
            renderer.RenderAsync(copy.Root, new EnvironmentId(Stage.Prod, Cloud.Gcp), CancellationToken.None));

        exception.Message.ShouldBe($"{ProdFile}:{line}: stage prod's pin {changed} is not on the local branch main ({main[..12]}): a commit of a merge request or another branch, "
            + "which the root Application never syncs; pin a commit main has been at (its first-parent line), and move it only through the promotion merge request");
    }
}
