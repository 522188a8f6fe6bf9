using GitOps.Platform.Environments;
using GitOps.Platform.Helm;

namespace GitOps.Platform.Tests.Helm;

/// <summary>HelmCli against the real helm and the repository's chart.</summary>
public sealed class HelmCliTests
{
    private static readonly string Chart = Path.Combine(RepositoryRoot.Path, "charts", "app-of-apps");
    private static readonly string DevValues = Path.Combine(RepositoryRoot.Path, "environments", "dev", "values-dev-gcp.yaml");

    [Fact]
    public async Task Reports_a_version_we_accept()
    {
        var helm = await TestHelm.CliAsync();
        (await helm.VersionAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(HelmVersion.Minimum);
    }

    [Fact]
    public async Task Lints_the_chart_with_an_environments_values()
    {
        var helm = await TestHelm.CliAsync();
        var lint = await helm.LintAsync(Chart, [DevValues], CancellationToken.None);
        lint.Errors.ShouldBeEmpty();
        lint.Passed.ShouldBeTrue();
    }

    [Fact]
    public async Task Lint_reports_values_the_schema_rejects()
    {
        var helm = await TestHelm.CliAsync();
        var bad = Path.Combine(Directory.CreateTempSubdirectory("gitops-helm-").FullName, "bad.yaml");
        await File.WriteAllTextAsync(bad, (await File.ReadAllTextAsync(DevValues)).Replace("project: eurodat-dev", "project: default", StringComparison.Ordinal));

        var lint = await helm.LintAsync(Chart, [bad], CancellationToken.None);

        lint.Passed.ShouldBeFalse();
        lint.Errors.ShouldContain(error => error.Contains("- at '/project'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Template_renders_the_applications_of_an_environment()
    {
        var helm = await TestHelm.CliAsync();
        var rendered = await helm.TemplateAsync(Chart, "app-of-apps-dev-gcp", "argocd", [DevValues], CancellationToken.None);
        rendered.ShouldContain("# Source: app-of-apps/templates/platform-applications.yaml");
        rendered.ShouldContain("name: portal-dev-gcp");
        rendered.ShouldContain("argocd.argoproj.io/hook: PostSync");
    }

    [Fact]
    public async Task Template_failure_is_one_line_naming_the_release()
    {
        var helm = await TestHelm.CliAsync();
        var exception = await Should.ThrowAsync<HelmException>(() =>
            helm.TemplateAsync(Chart, "app-of-apps-dev-gcp", "argocd", [], CancellationToken.None));
        exception.Message.ShouldStartWith("helm template app-of-apps-dev-gcp failed: ");
        exception.Message.ShouldNotContain('\n');
        exception.Details.ShouldContain("missing propert");
    }

    [Fact]
    public void Release_names_follow_the_environment() =>
        EnvironmentLayout.ReleaseName(new EnvironmentId(Stage.QaInt, Cloud.Gcp)).ShouldBe("app-of-apps-qa-int-gcp");
}
