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
    public async Task GO041_a_pin_on_another_branch_is_not_on_main()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var main = await copy.HeadAsync();
        await copy.GitAsync("checkout", "--quiet", "-b", "elsewhere");
        copy.Write("charts/app-of-apps/NOTES.txt", "only on another branch\n");
        var elsewhere = await copy.CommitAsync("another branch");
        await copy.GitAsync("checkout", "--quiet", "-");
        copy.Write(QaAppOfApps, ConfigurationPins.WithPin(copy.Read(QaAppOfApps), QaAppOfApps, elsewhere));

        var findings = await VerifyAsIsAsync(copy);

        findings.ShouldBe([new Finding(QaAppOfApps, ConfigurationPins.Parse(copy.Read(QaAppOfApps), QaAppOfApps, Stage.Qa).Line, RuleIds.PinOutsideHistory,
            $"stage qa's pin {elsewhere} is not on the local branch main ({main[..12]}): a commit of a merge request or another branch, which the root Application never syncs; "
            + "pin a commit main has been at (its first-parent line), and move it only through the promotion merge request")]);
    }

    /// <summary>
    /// The review's case (r-s4-11): in a merge request pipeline HEAD is the MR branch. The MR changes the chart in C1,
    /// changes it back in C2 and pins qa at C1: C1 is an ancestor of HEAD and fetchable from origin
    /// (refs/merge-requests/1/head), but main never had it, so the root Application would run a chart nobody merged.
    /// </summary>
    [Fact]
    public async Task GO041_a_pin_only_the_merge_requests_branch_has_is_reported_though_head_contains_it()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        await copy.AddOriginAsync();
        var main = await copy.HeadAsync();
        await copy.GitAsync("checkout", "--quiet", "-b", "feature");
        copy.Write("charts/app-of-apps/NOTES.txt", "C1\n");
        var changed = await copy.CommitAsync("C1: chart change");
        copy.Delete("charts/app-of-apps/NOTES.txt");
        copy.Write(QaAppOfApps, ConfigurationPins.WithPin(copy.Read(QaAppOfApps), QaAppOfApps, changed));
        await copy.CommitAsync("C2: changed back, qa pinned at C1");
        await copy.GitAsync("push", "--quiet", "origin", "HEAD:refs/merge-requests/1/head");
        var log = new GitOps.Platform.Tests.Terraform.RecordingLog();

        var findings = await VerifyAsIsAsync(copy, log);

        findings.ShouldBe([new Finding(QaAppOfApps, ConfigurationPins.Parse(copy.Read(QaAppOfApps), QaAppOfApps, Stage.Qa).Line, RuleIds.PinOutsideHistory,
            $"stage qa's pin {changed} is not on origin/main ({main[..12]}): a commit of a merge request or another branch, which the root Application never syncs; "
            + "pin a commit main has been at (its first-parent line), and move it only through the promotion merge request")]);
        log.Text.ShouldNotContain("GO041", customMessage: "origin was reached: nothing to note");
    }

    /// <summary>A feature branch's C1, changed back in C2 and merged: C1 is an ancestor of main, but main was never at it.</summary>
    [Fact]
    public async Task GO041_a_pin_that_reached_main_only_through_a_merged_branch_is_reported_and_offline_main_is_noted()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        await copy.GitAsync("checkout", "--quiet", "-b", "feature");
        copy.Write("charts/app-of-apps/NOTES.txt", "C1\n");
        var changed = await copy.CommitAsync("C1: chart change");
        copy.Delete("charts/app-of-apps/NOTES.txt");
        await copy.CommitAsync("C2: changed back");
        await copy.GitAsync("checkout", "--quiet", "main");
        await copy.GitAsync("-c", "user.name=Fixture", "-c", "user.email=fixture@example.invalid", "merge", "--quiet", "--no-ff", "-m", "Merge feature", "feature");
        copy.Write(QaAppOfApps, ConfigurationPins.WithPin(copy.Read(QaAppOfApps), QaAppOfApps, changed));
        var main = await copy.CommitAsync("pin qa at C1");
        var log = new GitOps.Platform.Tests.Terraform.RecordingLog();

        var findings = await VerifyAsIsAsync(copy, log);

        findings.ShouldBe([new Finding(QaAppOfApps, ConfigurationPins.Parse(copy.Read(QaAppOfApps), QaAppOfApps, Stage.Qa).Line, RuleIds.PinOutsideHistory,
            $"stage qa's pin {changed} is on the local branch main ({main[..12]}) only through a merged branch, not on its first-parent line: main was never at that commit, so its tree never ran as main; "
            + "pin a commit main has been at (its first-parent line), and move it only through the promotion merge request")]);
        log.Lines.ShouldContain($"GO041: this clone has no remote origin; pins are checked against the local branch main ({main[..12]})");
    }

    [Fact]
    public async Task GO041_with_no_main_to_check_against_every_pin_is_reported_never_passed()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        await copy.GitAsync("branch", "--quiet", "-m", "main", "trunk");

        var findings = await VerifyAsIsAsync(copy);

        findings.Select(finding => (finding.File, finding.RuleId)).ShouldBe(
            [("environments/prod/app-of-apps-prod.yaml", RuleIds.PinOutsideHistory), ("environments/qa-int/app-of-apps-qa-int.yaml", RuleIds.PinOutsideHistory), (QaAppOfApps, RuleIds.PinOutsideHistory)],
            ignoreOrder: true);
        findings.ShouldAllBe(finding => finding.Message.EndsWith(
            "cannot be checked against main: this clone has no remote origin, and there is neither refs/remotes/origin/main nor a local main (git fetch origin main); "
            + "pin a commit main has been at (its first-parent line), and move it only through the promotion merge request", StringComparison.Ordinal));
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

    /// <summary>
    /// Without e2eTrigger.revision=$ARGOCD_APP_REVISION the hook posts no REVISION and RunE2E's pair check never runs;
    /// a short form or a literal would never match the pin, and without forceString helm reads a SHA of digits as a number.
    /// </summary>
    [Theory]
    [InlineData(null, "passes no helm parameter e2eTrigger.revision")]
    [InlineData("value: $ARGOCD_APP_REVISION_SHORT\n            forceString: true", "sets e2eTrigger.revision to '$ARGOCD_APP_REVISION_SHORT', not $ARGOCD_APP_REVISION")]
    [InlineData("value: 37760d764d2ca22b61f7406e9d56e7dc1c0bb5c5\n            forceString: true", "sets e2eTrigger.revision to '37760d764d2ca22b61f7406e9d56e7dc1c0bb5c5', not $ARGOCD_APP_REVISION")]
    [InlineData("value: $ARGOCD_APP_REVISION", "passes e2eTrigger.revision without forceString: true (helm would read a commit of digits as a number)")]
    public async Task GO020_a_promoted_parent_passes_the_synced_revision_to_its_hook(string? parameter, string what)
    {
        using var copy = await RepositoryCopy.CreateAsync();
        const string ProdParent = ProdAppOfApps;
        var text = RemoveRevisionBlock(copy.Read(ProdParent));
        if (parameter is not null)
        {
            text = text.Replace("            forceString: true\n    - repoURL:", $"            forceString: true\n          - name: e2eTrigger.revision\n            {parameter}\n    - repoURL:", StringComparison.Ordinal);
        }

        copy.Write(ProdParent, text);
        // Where it is said: the parameters key when there is none, the value when it is wrong, the entry when forceString is missing.
        var line = parameter is null ? copy.LineOf(ProdParent, "        parameters:")
            : parameter.Contains("forceString", StringComparison.Ordinal) ? copy.LineOf(ProdParent, "- name: e2eTrigger.revision") + 1
            : copy.LineOf(ProdParent, "- name: e2eTrigger.revision");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(ProdParent, line, RuleIds.E2eTriggerInvalid,
            $"Application app-of-apps-prod-gcp {what}, so the PostSync hook cannot report the commit Argo CD synced (REVISION) and RunE2E cannot refuse a checkout that pins another; "
            + "its chart source sets {name: e2eTrigger.revision, value: $ARGOCD_APP_REVISION, forceString: true} (Argo CD substitutes the chart source's resolved commit)")],
            customMessage: string.Join('\n', findings));
    }

    // The committed parents carry the parameter (with a comment above it); a fixture takes it out, comment included.
    private static string RemoveRevisionBlock(string text)
    {
        var lines = text.Split('\n').ToList();
        var index = lines.FindIndex(line => line.Trim() == "- name: e2eTrigger.revision");
        if (index < 0)
        {
            return text;
        }

        var end = index + 1;
        while (end < lines.Count && lines[end].StartsWith("            ", StringComparison.Ordinal) && !lines[end].TrimStart().StartsWith('-'))
        {
            end++;
        }

        var start = index;
        while (start > 0 && lines[start - 1].TrimStart().StartsWith('#'))
        {
            start--;
        }

        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines);
    }
}
