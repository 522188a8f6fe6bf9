using GitOps.Platform.Environments;
using GitOps.Platform.Verification;

using static GitOps.Platform.Tests.Verification.FixtureVerification;

namespace GitOps.Platform.Tests.Verification;

/// <summary>
/// Pins as Verify sees them: a promoted stage runs charts/app-of-apps at one full SHA of this repository's history,
/// reachable from HEAD, and is checked with that chart, not the working tree's.
/// </summary>
public sealed class PinFixtureTests
{
    private const string QaAppOfApps = "environments/qa/app-of-apps-qa.yaml";
    private const string ProdAppOfApps = "environments/prod/app-of-apps-prod.yaml";
    private const string Platform = "charts/app-of-apps/templates/platform-applications.yaml";
    private static readonly string SecretAdvice = GitOps.Platform.Verification.Checks.SecretRule.Advice;

    [Fact]
    public async Task A_copy_pinned_at_its_own_commit_verifies_clean()
    {
        using var copy = await RepositoryCopy.CreateAsync();

        (await VerifyAsIsAsync(copy)).ShouldBeEmpty();
    }

    [Fact]
    public async Task GO040_a_branch_as_a_promoted_stages_pin_is_reported_at_its_line_and_the_stage_is_not_rendered()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var pin = ConfigurationPins.Parse(copy.Read(QaAppOfApps), QaAppOfApps, Stage.Qa);
        copy.Replace(QaAppOfApps, $"targetRevision: {pin.Sha}", "targetRevision: main");

        var findings = await VerifyAsIsAsync(copy);

        findings.ShouldBe([new Finding(QaAppOfApps, pin.Line, RuleIds.PinInvalid,
            "Application app-of-apps-qa-gcp renders charts/app-of-apps at targetRevision 'main'; a promoted stage's pin is a full 40-hex commit SHA of this repository (a branch or a tag can move, a commit cannot); it moves only through the promotion merge request")]);
    }

    [Fact]
    public async Task GO043_a_values_source_left_on_main_beside_a_pinned_chart_is_reported_at_its_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var pin = ConfigurationPins.Parse(copy.Read(ProdAppOfApps), ProdAppOfApps, Stage.Prod);
        copy.Replace(ProdAppOfApps, $"      targetRevision: {pin.Sha}\n      ref: values", "      targetRevision: main\n      ref: values");

        var findings = await VerifyAsIsAsync(copy);

        findings.ShouldBe([new Finding(ProdAppOfApps, copy.LineOf(ProdAppOfApps, "      ref: values") - 1, RuleIds.SourceRevisionsDiffer,
            $"Application app-of-apps-prod-gcp reads https://gitlab.eurodat.example/eurodat/eurodat-trustee-iac.git at 'main' here and at '{pin.Sha}' on line {pin.Line}; "
            + "Argo CD refuses sources of one repository at different revisions ('cannot reference a different revision of the same repository'): give every source of it the same targetRevision")]);
    }

    [Fact]
    public async Task GO043_compares_repository_urls_as_argo_cd_normalises_them_in_every_stage()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        const string DevAppOfApps = "environments/dev/app-of-apps-dev.yaml";
        copy.Replace(DevAppOfApps, "    - repoURL: https://gitlab.eurodat.example/eurodat/eurodat-trustee-iac.git\n      targetRevision: main\n      ref: values",
            "    - repoURL: https://GitLab.eurodat.example/eurodat/eurodat-trustee-iac/\n      targetRevision: feature/x\n      ref: values");

        var findings = await VerifyAsIsAsync(copy);

        findings.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            finding => finding.File.ShouldBe(DevAppOfApps),
            finding => finding.Line.ShouldBe(copy.LineOf(DevAppOfApps, "      targetRevision: feature/x")),
            finding => finding.RuleId.ShouldBe(RuleIds.SourceRevisionsDiffer),
            finding => finding.Message.ShouldContain("at 'feature/x' here and at 'main' on line"));
    }

    [Fact]
    public async Task GO041_a_pin_the_history_does_not_contain_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        const string Unknown = "0123456789abcdef0123456789abcdef01234567";
        var pin = ConfigurationPins.Parse(copy.Read(QaAppOfApps), QaAppOfApps, Stage.Qa);
        copy.Write(QaAppOfApps, ConfigurationPins.WithPin(copy.Read(QaAppOfApps), QaAppOfApps, Unknown));

        var findings = await VerifyAsIsAsync(copy);

        findings.ShouldBe([new Finding(QaAppOfApps, pin.Line, RuleIds.PinOutsideHistory,
            $"stage qa's pin {Unknown} is not a commit of this repository's history; pin a commit of main, and move it only through the promotion merge request")]);
    }

    [Fact]
    public async Task GO041_a_pin_on_another_branch_is_not_an_ancestor_of_head()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        await copy.GitAsync("checkout", "--quiet", "-b", "elsewhere");
        copy.Write("charts/app-of-apps/NOTES.txt", "only on another branch\n");
        var elsewhere = await copy.CommitAsync("another branch");
        await copy.GitAsync("checkout", "--quiet", "-");
        copy.Write(QaAppOfApps, ConfigurationPins.WithPin(copy.Read(QaAppOfApps), QaAppOfApps, elsewhere));

        var findings = await VerifyAsIsAsync(copy);

        findings.ShouldBe([new Finding(QaAppOfApps, ConfigurationPins.Parse(copy.Read(QaAppOfApps), QaAppOfApps, Stage.Qa).Line, RuleIds.PinOutsideHistory,
            $"stage qa's pin {elsewhere} is not an ancestor of HEAD (a commit of another branch, or one rewritten away); pin a commit of main, and move it only through the promotion merge request")]);
    }

    [Fact]
    public async Task GO041_a_shallow_clone_says_how_to_get_the_history()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var pinned = await copy.CommitAsync("the pinned commit");
        copy.Write(QaAppOfApps, ConfigurationPins.WithPin(copy.Read(QaAppOfApps), QaAppOfApps, pinned));
        await copy.CommitAsync("after the pin");
        using var shallow = await copy.ShallowCloneAsync();

        var findings = await VerifyAsIsAsync(shallow);

        ShouldHave(findings, QaAppOfApps, ConfigurationPins.Parse(copy.Read(QaAppOfApps), QaAppOfApps, Stage.Qa).Line, RuleIds.PinOutsideHistory,
            $"stage qa's pin {pinned} is not in this clone's history, which is shallow: fetch the history (git fetch --unshallow; CI jobs that render a promoted stage set GIT_DEPTH: 0)");
    }

    [Fact]
    public async Task A_chart_change_in_the_working_tree_is_checked_for_dev_and_nightly_and_not_for_pinned_stages()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        const string Template = "charts/app-of-apps/templates/leak.yaml";
        copy.Write(Template, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: leak\n  namespace: argocd\nstringData:\n  password: hunter2\n");

        var findings = await VerifyAsIsAsync(copy);

        findings.ShouldBe([new Finding(Template, 2, RuleIds.PlaintextSecret,
            "renders Secret leak with data in plain text; " + SecretAdvice + " (in dev-gcp, nightly-gcp)")], customMessage: string.Join('\n', findings));
    }

    [Fact]
    public async Task A_pinned_stage_whose_chart_differs_is_reported_at_the_pinned_commits_template()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Platform, "kind: Application", "kind: Application\nnotAField: true");
        var broken = await copy.CommitAsync("a broken template");
        copy.Write(QaAppOfApps, ConfigurationPins.WithPin(copy.Read(QaAppOfApps), QaAppOfApps, broken));
        copy.Replace(Platform, "kind: Application\nnotAField: true", "kind: Application");

        var findings = await VerifyAsIsAsync(copy);

        findings.ShouldNotBeEmpty();
        var label = $"{broken.Substring(0, 12)}:{Platform}";
        findings.ShouldAllBe(finding => finding.File == label && finding.Message.Contains("qa-gcp", StringComparison.Ordinal));
    }
}
