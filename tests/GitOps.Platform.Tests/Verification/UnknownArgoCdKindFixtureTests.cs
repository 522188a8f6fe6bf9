using GitOps.Platform.Verification;

using static GitOps.Platform.Tests.Verification.FixtureVerification;

namespace GitOps.Platform.Tests.Verification;

/// <summary>
/// A misspelt kind or a version Argo CD does not serve under argoproj.io: Argo CD's API server answers "no matches for
/// kind", so Verify must report it at the line, committed or rendered, instead of skipping an object it has no schema for.
/// </summary>
public sealed class UnknownArgoCdKindFixtureTests
{
    private const string QaAppOfApps = "environments/qa/app-of-apps-qa.yaml";
    private const string Platform = "charts/app-of-apps/templates/platform-applications.yaml";
    private const string Parent = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: app-of-apps-qa-gcp\n";

    [Fact]
    public async Task A_misspelt_kind_under_argoproj_io_is_reported_at_its_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(QaAppOfApps, Parent, Parent.Replace("kind: Application", "kind: Aplication", StringComparison.Ordinal));

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, QaAppOfApps, copy.LineOf(QaAppOfApps, "kind: Aplication"), RuleIds.ManifestSchema,
            "Aplication app-of-apps-qa-gcp: kind is not a kind Argo CD v3 serves in argoproj.io/v1alpha1 (it serves AppProject, Application, ApplicationSet) (Argo CD v3 schema)");
    }

    [Fact]
    public async Task A_version_argo_cd_does_not_serve_is_reported_at_the_api_version()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(QaAppOfApps, Parent, Parent.Replace("argoproj.io/v1alpha1", "argoproj.io/v1beta9", StringComparison.Ordinal));

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, QaAppOfApps, copy.LineOf(QaAppOfApps, "apiVersion: argoproj.io/v1beta9"), RuleIds.ManifestSchema,
            "Application app-of-apps-qa-gcp: apiVersion is not a version Argo CD v3 serves (argoproj.io serves v1alpha1) (Argo CD v3 schema)");
    }

    [Fact]
    public async Task A_misspelt_kind_in_a_template_is_reported_at_the_template_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Platform, "apiVersion: argoproj.io/v1alpha1\nkind: Application\n", "apiVersion: argoproj.io/v1alpha1\nkind: Aplication\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Platform, copy.LineOf(Platform, "kind: Aplication"), RuleIds.ManifestSchema,
            "kind is not a kind Argo CD v3 serves in argoproj.io/v1alpha1");
    }
}
