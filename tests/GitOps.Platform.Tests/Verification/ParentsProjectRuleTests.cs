using GitOps.Platform.Verification;

using static GitOps.Platform.Tests.Verification.FixtureVerification;

namespace GitOps.Platform.Tests.Verification;

/// <summary>
/// GO024, the parents' AppProject of each stage. Argo CD (v3.2 AppProject.IsGroupKindPermitted and
/// IsDestinationPermitted) checks a resource's kind and its namespace separately: a project whose destinations include
/// the Argo CD namespace and whose whitelist has batch/Job lets a parent create a Job there, and a Job there may name
/// serviceAccountName: argocd-application-controller and act with the controller's rights. So Verify refuses every
/// kind but Applications and the hook Job, every destination but the Argo CD namespace and the hook's own, and a Job
/// kind that the management cluster's admission policy does not keep out of the Argo CD namespace.
/// </summary>
public sealed class ParentsProjectRuleTests
{
    private const string Dev = "environments/dev/app-of-apps-dev.yaml";
    private const string Nightly = "environments/nightly/app-of-apps-nightly.yaml";
    private const string ArgoCdValues = "environments/argocd/argocd-values.yaml";

    private const string Qa = "environments/qa/app-of-apps-qa.yaml";
    private const string QaRoot = "environments/qa/root-qa.yaml";
    private const string Repository = "https://gitlab.eurodat.example/eurodat/eurodat-trustee-iac.git";

    [Fact]
    public async Task GO024_a_values_source_of_another_repository_is_reported_at_its_url()
    {
        // Its values file would come from a repository (and a branch) no merge request of this one reviews.
        using var copy = await RepositoryCopy.CreateAsync();
        var pin = copy.Read(Qa).Split('\n').Last(line => line.Contains("targetRevision:", StringComparison.Ordinal)).Trim();
        copy.Replace(Qa, $"    - repoURL: {Repository}\n      # The same commit as the chart", "    - repoURL: https://gitlab.example.org/someone/fork.git\n      # The same commit as the chart");
        copy.Replace(Qa, $"      {pin}\n      ref: values", "      targetRevision: main\n      ref: values");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Qa, copy.LineOf(Qa, "fork.git"), RuleIds.ParentsProjectTooBroad,
            $"Application app-of-apps-qa-gcp reads https://gitlab.example.org/someone/fork.git; a parent's sources are all this repository ({Repository}), the chart's");
    }

    [Theory]
    [InlineData("\"*\"")]
    [InlineData("https://gitlab.example.org/someone/fork.git")]
    public async Task GO024_a_parents_project_that_may_read_another_repository_is_reported(string entry)
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Qa, $"  sourceRepos:\n    - {Repository}\n  destinations:\n    - name: in-cluster", $"  sourceRepos:\n    - {Repository}\n    - {entry}\n  destinations:\n    - name: in-cluster");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Qa, copy.LineOf(Qa, $"    - {entry}"), RuleIds.ParentsProjectTooBroad,
            $"AppProject eurodat-qa-app-of-apps may read {entry.Trim('"')}; the parents' project reads only this repository ({Repository})");
    }

    [Fact]
    public async Task GO042_a_roots_project_that_may_read_every_repository_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(QaRoot, $"  sourceRepos:\n    - {Repository}\n", "  sourceRepos:\n    - \"*\"\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, QaRoot, copy.LineOf(QaRoot, "  sourceRepos:"), RuleIds.RootApplicationInvalid,
            $"AppProject eurodat-qa-root may read only this repository ({Repository})");
    }

    [Fact]
    public async Task GO024_a_workload_kind_in_the_parents_project_is_reported_at_its_line()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Dev, "    - group: batch\n      kind: Job\n", "    - group: batch\n      kind: Job\n    - group: apps\n      kind: Deployment\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Dev, copy.LineOf(Dev, "kind: Deployment"), RuleIds.ParentsProjectTooBroad,
            "AppProject eurodat-dev-app-of-apps allows apps/Deployment");
    }

    [Fact]
    public async Task GO024_a_parents_project_without_a_namespaced_whitelist_allows_every_kind_and_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Dev, "  namespaceResourceWhitelist:\n    - group: argoproj.io\n      kind: Application\n    - group: batch\n      kind: Job\n", string.Empty);

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Dev, copy.LineOf(Dev, "name: eurodat-dev-app-of-apps"), RuleIds.ParentsProjectTooBroad,
            "has no namespaceResourceWhitelist, so it allows every namespaced kind");
    }

    [Fact]
    public async Task GO024_a_cluster_scoped_kind_in_the_parents_project_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Dev, "  clusterResourceWhitelist: []\n  namespaceResourceWhitelist:\n    - group: argoproj.io",
            "  clusterResourceWhitelist:\n    - group: rbac.authorization.k8s.io\n      kind: ClusterRoleBinding\n  namespaceResourceWhitelist:\n    - group: argoproj.io");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Dev, copy.LineOf(Dev, "kind: ClusterRoleBinding"), RuleIds.ParentsProjectTooBroad,
            "allows the cluster-scoped rbac.authorization.k8s.io/ClusterRoleBinding");
    }

    [Fact]
    public async Task GO024_a_wildcard_destination_namespace_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Dev, "      namespace: eurodat-dev-e2e-hook\n", "      namespace: \"*\"\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Dev, copy.LineOf(Dev, "namespace: \"*\""), RuleIds.ParentsProjectTooBroad,
            "reaches namespace '*' of in-cluster; the parents may reach argocd (Applications) and eurodat-dev-e2e-hook (the e2e hook Job) only");
    }

    [Fact]
    public async Task GO024_a_job_kind_the_admission_policy_does_not_keep_out_of_the_argo_cd_namespace_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(ArgoCdValues, "validationActions: [Deny]", "validationActions: [Audit]");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Dev, copy.LineOf(Dev, "kind: Job"), RuleIds.ParentsProjectTooBroad,
            "allows batch/Job while it reaches the Argo CD namespace argocd");
    }

    [Fact]
    public async Task GO024_a_job_kind_in_a_stage_that_renders_no_hook_is_reported()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(Nightly, "    - group: argoproj.io\n      kind: Application\n", "    - group: argoproj.io\n      kind: Application\n    - group: batch\n      kind: Job\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Nightly, copy.LineOf(Nightly, "kind: Job"), RuleIds.ParentsProjectTooBroad,
            "allows batch/Job, but no environment of stage nightly renders the e2e hook");
    }

    [Fact]
    public async Task GO024_the_default_project_that_may_deploy_anywhere_is_reported()
    {
        const string DefaultProject = "environments/argocd/default-project.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(DefaultProject, "  sourceRepos: []\n", "  sourceRepos:\n    - \"*\"\n");

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, DefaultProject, copy.LineOf(DefaultProject, "- \"*\""), RuleIds.ParentsProjectTooBroad,
            "Argo CD's built-in project default must allow nothing");
    }
    /// <summary>Each mutation leaves the policy's shape intact but lets the controller create a workload in argocd.</summary>
    [Theory]
    [InlineData("system:serviceaccount:argocd:argocd-application-controller\"", "system:serviceaccount:argocd:argocd-aplication-controller\"", "match exactly the controller's requests")]
    [InlineData("- expression: \"false\"", "- expression: \"true\"", "deny every request")]
    [InlineData("operations: [CREATE, UPDATE]\n            resources: [jobs, cronjobs]", "operations: [DELETE]\n            resources: [jobs, cronjobs]", "CREATE and UPDATE")]
    [InlineData("failurePolicy: Fail", "failurePolicy: Ignore", "failurePolicy Fail")]
    [InlineData("      validationActions: [Deny]\n", "      validationActions: [Warn]\n", "validationActions [Deny]")]
    [InlineData("          matchLabels:\n            kubernetes.io/metadata.name: argocd\n      validationActions", "          matchLabels:\n            kubernetes.io/metadata.name: default\n      validationActions", "binding to select the namespace argocd")]
    public async Task GO024_an_admission_policy_that_would_admit_the_controllers_workloads_is_reported(string original, string mutated, string reason)
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(ArgoCdValues, original, mutated);

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, Dev, copy.LineOf(Dev, "kind: Job"), RuleIds.ParentsProjectTooBroad, reason);
    }

    /// <summary>Server-side apply clears only the fields the applier owns: a list left out keeps argocd-server's "*".</summary>
    [Theory]
    [InlineData("  sourceRepos: []\n")]
    [InlineData("  destinations: []\n")]
    [InlineData("  clusterResourceWhitelist: []\n")]
    public async Task GO024_a_default_project_that_leaves_a_list_out_is_reported(string line)
    {
        const string DefaultProject = "environments/argocd/default-project.yaml";
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(DefaultProject, line, string.Empty);

        var findings = await VerifyAsync(copy);

        ShouldHave(findings, DefaultProject, copy.LineOf(DefaultProject, "  description:"), RuleIds.ParentsProjectTooBroad,
            $"leaves out {line.Split(':')[0].Trim()}");
    }
}
