using GitOps.Platform.Environments;
using GitOps.Platform.Helm;
using GitOps.Platform.Tests.Helm;
using GitOps.Platform.Verification;
using GitOps.Targets.Output;

using static GitOps.Platform.Tests.Verification.FixtureVerification;

namespace GitOps.Platform.Tests.Verification;

/// <summary>
/// helm lint runs once per Verify run, helm template once per environment; what only lint checks (the chart's files,
/// rules on rendered objects) is still reported, and at the chart file it is about.
/// </summary>
public sealed class ChartLintTests
{
    private const string DevValues = "environments/dev/values-dev-gcp.yaml";
    private const string Notes = "charts/app-of-apps/templates/notes.md";
    // Renders to nothing, so helm template accepts it; helm lint refuses the extension.
    private const string NotesText = "{{/* Release notes for reviewers */}}\n";
    private const string QaAppOfApps = "environments/qa/app-of-apps-qa.yaml";
    private const string Deployment = "charts/app-of-apps/templates/probe-deployment.yaml";

    [Fact]
    public async Task Verify_lints_the_chart_once_and_templates_each_environment()
    {
        // A copy, whose promoted stages are pinned at its working tree: all five environments share one chart.
        using var copy = await RepositoryCopy.CreateAsync();
        var runner = new CountingToolRunner(TestHelm.Runner);
        var verifier = new EnvironmentVerifier(new HelmCli(runner, await TestHelm.PathAsync()), await TestSchemas.ValidatorAsync(), runner, NullLog.Instance);

        (await verifier.VerifyAsync(copy.Root, CancellationToken.None)).ShouldBeEmpty();

        runner.Count("helm", "lint").ShouldBe(1);
        runner.Count("helm", "template").ShouldBe(5);
    }

    [Fact]
    public async Task A_file_helm_lint_refuses_under_templates_is_reported_once_at_that_file()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(Notes, NotesText);

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(Notes, 1, RuleIds.ChartRender,
            "helm lint: templates/notes.md: file extension '.md' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt (in dev-gcp)")]);
    }

    [Fact]
    public async Task A_deployment_without_a_selector_helm_lint_refuses_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(Deployment, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: probe\n  namespace: {{ .Values.argocdNamespace }}\nspec:\n  selector: {}\n  template:\n    spec:\n      containers: []\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Deployment, 1, RuleIds.ChartRender, "helm lint: templates/probe-deployment.yaml: a Deployment must contain matchLabels or matchExpressions");
    }

    [Fact]
    public async Task When_the_first_environment_fails_the_schema_the_chart_is_linted_with_the_next()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(Notes, NotesText);
        copy.Replace(DevValues, "cloud: gcp\n", "cloud: gcp\nreplicas: 3\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, DevValues, copy.LineOf(DevValues, "replicas: 3"), RuleIds.ValuesSchema, "additional properties 'replicas' not allowed");
        ShouldHave(findings, Notes, 1, RuleIds.ChartRender, "file extension '.md' not valid");
        findings.Count.ShouldBe(2, string.Join('\n', findings));
    }

    /// <summary>helm reports a component name that breaks the schema's propertyNames at the document: each finding is at the key's line, not line 1.</summary>
    [Fact]
    public async Task A_component_name_the_schema_refuses_is_reported_at_its_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(DevValues, "    identity:\n", "    Bad_Name:\n");

        var findings = (await VerifyAsync(copy)).Where(finding => finding.RuleId == RuleIds.ValuesSchema).ToList();

        var line = copy.LineOf(DevValues, "    Bad_Name:");
        findings.Count.ShouldBe(3, string.Join('\n', findings));
        findings.ShouldAllBe(finding => finding.File == DevValues && finding.Line == line, string.Join('\n', findings));
        ShouldHave(findings, DevValues, line, RuleIds.ValuesSchema, "values schema: platform.components: invalid propertyName 'Bad_Name'");
    }

    [Fact]
    public async Task A_pinned_chart_that_differs_is_linted_too_with_its_parents_release_and_reported_at_the_pinned_file()
    {
        // qa's values at the pin hold no deployedRelease (its parent's helm parameter does), and the schema requires
        // one: a lint without the parameter would stop at the schema and never look at notes.md.
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(Notes, NotesText);
        var pinned = await copy.CommitAsync("release notes as a template");
        copy.Write(QaAppOfApps, ConfigurationPins.WithPin(copy.Read(QaAppOfApps), QaAppOfApps, pinned));
        copy.Delete(Notes);

        var findings = await VerifyAsIsAsync(copy);

        findings.ShouldBe([new Finding($"{pinned[..12]}:{Notes}", 1, RuleIds.ChartRender,
            "helm lint: templates/notes.md: file extension '.md' not valid. Valid extensions are .yaml, .yml, .tpl, or .txt (in qa-gcp)")], customMessage: string.Join('\n', findings));
    }
}
