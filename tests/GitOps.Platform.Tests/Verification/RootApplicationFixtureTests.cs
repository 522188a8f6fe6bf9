using GitOps.Platform.Verification;

using static GitOps.Platform.Tests.Verification.FixtureVerification;

namespace GitOps.Platform.Tests.Verification;

/// <summary>The root Application per stage, which makes a merged pin take effect: Verify names each way it can fail.</summary>
public sealed class RootApplicationFixtureTests
{
    private const string QaRoot = "environments/qa/root-qa.yaml";
    private const string ProdRoot = "environments/prod/root-prod.yaml";

    [Fact]
    public async Task GO002_a_stage_without_its_root_file_is_reported_at_the_stage()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Delete(QaRoot);

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding("environments/stages.yaml", copy.LineOf("environments/stages.yaml", "- name: qa"), RuleIds.EnvironmentFileMissing,
            "stage qa has no root Application file environments/qa/root-qa.yaml; without it a merged change to environments/qa/app-of-apps-qa.yaml takes effect only when someone applies it")]);
    }

    [Theory]
    [InlineData("    targetRevision: main\n", "    targetRevision: release\n", "targetRevision: release", "tracks 'release'; a root tracks main")]
    [InlineData("      include: app-of-apps-qa.yaml\n", "      include: '*.yaml'\n", "path: environments/qa", "must include only environments/qa/app-of-apps-qa.yaml")]
    [InlineData("    path: environments/qa\n", "    path: environments\n", "path: environments", "must include only environments/qa/app-of-apps-qa.yaml")]
    [InlineData("  name: root-qa\n  namespace: argocd\n", "  name: root-qa\n  namespace: argocd\n  finalizers: [resources-finalizer.argocd.argoproj.io]\n", "finalizers: [resources", "deleting the root would then delete the whole stage")]
    [InlineData("  project: eurodat-qa-root\n", "  project: eurodat-qa\n", "project: eurodat-qa", "uses project 'eurodat-qa', which this file does not define")]
    [InlineData("    - group: argoproj.io\n      kind: AppProject\n", "    - group: \"\"\n      kind: Secret\n", "namespaceResourceWhitelist:", "may create only argoproj.io Applications and AppProjects")]
    [InlineData("  clusterResourceWhitelist: []\n", "  clusterResourceWhitelist:\n    - group: '*'\n      kind: '*'\n", "clusterResourceWhitelist:", "must set clusterResourceWhitelist: []")]
    public async Task GO042_a_root_that_would_not_hold_exactly_the_stages_parents_is_reported_at_its_line(string oldText, string newText, string at, string message)
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(QaRoot, oldText, newText);

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, QaRoot, copy.LineOf(QaRoot, at), RuleIds.RootApplicationInvalid, message);
        findings.Where(finding => finding.RuleId != RuleIds.ManifestSchema).ShouldAllBe(finding => finding.RuleId == RuleIds.RootApplicationInvalid);
    }

    [Fact]
    public async Task GO042_a_root_without_automated_sync_would_leave_a_merged_pin_waiting()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(ProdRoot, "    automated:\n      prune: false\n      selfHeal: true\n", string.Empty);
        copy.Replace(ProdRoot, "  syncPolicy:\n", "  syncPolicy: {}\n");

        var findings = await VerifyAsync(copy);

        findings.ShouldBe([new Finding(ProdRoot, copy.LineOf(ProdRoot, "syncPolicy: {}"), RuleIds.RootApplicationInvalid,
            "Application root-prod: syncPolicy.automated is not set; a merged pin would not take effect by itself")]);
    }

    /// <summary>
    /// Review F4: a root that prunes would delete a parent a merged change leaves out of its render, and the parent's
    /// resources finalizer would then delete the environment's workloads without Destroy's guards. Every committed root
    /// syncs automatically without pruning, and Verify accepts that.
    /// </summary>
    [Fact]
    public async Task Every_committed_root_syncs_automatically_without_pruning_and_verifies_clean()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        var roots = Directory.GetFiles(copy.PathOf("environments"), "root-*.yaml", SearchOption.AllDirectories);
        roots.Length.ShouldBe(5);
        foreach (var root in roots)
        {
            var text = File.ReadAllText(root);
            text.ShouldContain("    automated:\n      prune: false\n      selfHeal: true\n", customMessage: root);
            text.ShouldNotContain("prune: true", customMessage: root);
        }

        var findings = await VerifyAsync(copy);

        findings.Where(finding => finding.RuleId == RuleIds.RootApplicationInvalid).ShouldBeEmpty();
    }
}
