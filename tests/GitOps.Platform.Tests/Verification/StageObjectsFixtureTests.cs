using GitOps.Platform.Verification;

using static GitOps.Platform.Tests.Verification.FixtureVerification;

namespace GitOps.Platform.Tests.Verification;

/// <summary>
/// GO046: a stage's parent and root files hold only that stage's Applications and AppProjects. qa's files need no code
/// owner, so prod's project or parent written there would slip past prod's approvers wherever one Argo CD holds both.
/// </summary>
public sealed class StageObjectsFixtureTests
{
    private const string QaParent = "environments/qa/app-of-apps-qa.yaml";
    private const string QaRoot = "environments/qa/root-qa.yaml";
    private const string ProdParent = "environments/prod/app-of-apps-prod.yaml";
    private const string ProdRoot = "environments/prod/root-prod.yaml";
    private const string Repository = "https://gitlab.eurodat.example/eurodat/eurodat-trustee-iac.git";
    private const string Duplicate = "Argo CD applies only the last of two documents with one group, kind, namespace and name, while Verify and Render read the first; write each object once";
    private const string Shared = "a stage's file holds only its own objects, or one stage's merge request would change another's";

    [Fact]
    public async Task Prods_workload_project_in_qas_parent_file_is_reported_there()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(QaParent, copy.Read(QaParent) + Project("eurodat-prod"));

        var findings = await StageObjectFindingsAsync(copy);

        findings.ShouldBe([new Finding(QaParent, LastLineOf(copy, QaParent, "  name: eurodat-prod"), RuleIds.ForeignStageObject,
            $"defines AppProject eurodat-prod, which {ProdParent}:{ExactLineOf(copy, ProdParent, "  name: eurodat-prod")} (stage prod) defines too; {Shared}")]);
    }

    [Fact]
    public async Task Prods_parent_application_in_qas_parent_file_is_reported_and_so_is_a_name_of_no_stage()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(QaParent, copy.Read(QaParent) + Application("app-of-apps-prod-gcp", "eurodat-qa-app-of-apps") + Application("extra-parent", "eurodat-qa-app-of-apps"));

        var findings = await StageObjectFindingsAsync(copy);

        findings.ShouldBe([
            new Finding(QaParent, copy.LineOf(QaParent, "  name: app-of-apps-prod-gcp"), RuleIds.ForeignStageObject,
                $"defines Application app-of-apps-prod-gcp, which {ProdParent}:{copy.LineOf(ProdParent, "  name: app-of-apps-prod-gcp")} (stage prod) defines too; {Shared}"),
            new Finding(QaParent, copy.LineOf(QaParent, "  name: extra-parent"), RuleIds.ForeignStageObject,
                "holds Application extra-parent, which is not one of stage qa's: this file holds app-of-apps-qa-gcp"),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task A_qa_parent_using_prods_project_is_reported_with_the_project_it_left_unused()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Replace(QaParent, "  project: eurodat-qa-app-of-apps\n", "  project: eurodat-prod-app-of-apps\n");

        var findings = await StageObjectFindingsAsync(copy);

        findings.ShouldBe([
            new Finding(QaParent, copy.LineOf(QaParent, "  project: eurodat-prod-app-of-apps"), RuleIds.ForeignStageObject,
                "Application app-of-apps-qa-gcp uses project 'eurodat-prod-app-of-apps', which this file does not define; stage qa's Applications use the stage's own projects, defined here"),
            new Finding(QaParent, copy.LineOf(QaParent, "  name: eurodat-qa-app-of-apps"), RuleIds.ForeignStageObject,
                "holds AppProject eurodat-qa-app-of-apps, which neither this file's Applications nor stage qa's environments (values 'project') use; a stage's file defines only its own projects"),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task Prods_root_project_in_qas_root_file_is_reported_there()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(QaRoot, copy.Read(QaRoot) + Project("eurodat-prod-root"));

        var findings = await StageObjectFindingsAsync(copy);

        findings.ShouldBe([new Finding(QaRoot, LastLineOf(copy, QaRoot, "  name: eurodat-prod-root"), RuleIds.ForeignStageObject,
            $"defines AppProject eurodat-prod-root, which {ProdRoot}:{copy.LineOf(ProdRoot, "  name: eurodat-prod-root")} (stage prod) defines too; {Shared}")]);
    }

    [Fact]
    public async Task A_second_parent_application_of_the_same_name_is_reported_at_the_second()
    {
        // Argo CD keeps the last of two documents with one group, kind, namespace and name; Render and the rules read the first.
        using var copy = await RepositoryCopy.CreateAsync();
        var first = copy.LineOf(QaParent, "  name: app-of-apps-qa-gcp");
        copy.Write(QaParent, copy.Read(QaParent) + Application("app-of-apps-qa-gcp", "eurodat-qa-app-of-apps"));

        var findings = await StageObjectFindingsAsync(copy);

        findings.ShouldBe([new Finding(QaParent, LastLineOf(copy, QaParent, "  name: app-of-apps-qa-gcp"), RuleIds.ForeignStageObject,
            $"defines Application app-of-apps-qa-gcp (namespace argocd) a second time, first at {QaParent}:{first}; {Duplicate}")]);
    }

    [Fact]
    public async Task The_roots_project_defined_again_in_the_parent_file_is_reported_there()
    {
        using var copy = await RepositoryCopy.CreateAsync();
        copy.Write(QaParent, copy.Read(QaParent) + Project("eurodat-qa-root"));

        var findings = await StageObjectFindingsAsync(copy);

        // The root file is applied first (DeployAppOfApps), the parent file is synced by the root after it.
        findings.ShouldContain(new Finding(QaParent, LastLineOf(copy, QaParent, "  name: eurodat-qa-root"), RuleIds.ForeignStageObject,
            $"defines AppProject eurodat-qa-root (namespace argocd) a second time, first at {QaRoot}:{copy.LineOf(QaRoot, "  name: eurodat-qa-root")}; {Duplicate}"));
    }

    [Fact]
    public async Task The_committed_stage_files_hold_only_their_own_objects()
    {
        using var copy = await RepositoryCopy.CreateAsync();

        (await StageObjectFindingsAsync(copy)).ShouldBeEmpty();
    }

    private static async Task<List<Finding>> StageObjectFindingsAsync(RepositoryCopy copy) =>
        [.. (await VerifyAsync(copy)).Where(finding => finding.RuleId == RuleIds.ForeignStageObject)];

    private static int ExactLineOf(RepositoryCopy copy, string file, string text) =>
        Array.FindIndex(copy.Read(file).Split('\n'), line => line == text) + 1;

    private static int LastLineOf(RepositoryCopy copy, string file, string text) =>
        Array.FindLastIndex(copy.Read(file).Split('\n'), line => line.Contains(text, StringComparison.Ordinal)) + 1;

    private static string Project(string name) => $"""
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata:
          name: {name}
          namespace: argocd
        spec:
          sourceRepos:
            - {Repository}
          destinations:
            - name: in-cluster
              namespace: argocd
          clusterResourceWhitelist: []

        """;

    private static string Application(string name, string project) => $"""
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: {name}
          namespace: argocd
        spec:
          project: {project}
          source:
            repoURL: {Repository}
            targetRevision: main
            path: environments/qa
          destination:
            name: in-cluster
            namespace: argocd

        """;
}
