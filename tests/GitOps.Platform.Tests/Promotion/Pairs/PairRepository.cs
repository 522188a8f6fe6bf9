using GitOps.Platform.Promotion;
using GitOps.Platform.Promotion.Pins;
using GitOps.Platform.Tests.Git;

namespace GitOps.Platform.Tests.Promotion.Pairs;

/// <summary>
/// qa and qa-int laid out as in this repository (values file, and app-of-apps file holding pin and release, per stage), pushed to a bare remote.
/// Each stage's pin is a commit of the sandbox's own history, so git can answer what came before what.
/// </summary>
internal sealed class PairRepository : IDisposable
{
    public GitSandbox Sandbox { get; } = new();

    public FakeChangeRequestHost Host { get; } = new();

    public PromotionGitSettings Settings => new() { WorktreeRoot = Path.Combine(Sandbox.Root, "worktrees") };

    public static string ValuesPath(string stage) => $"environments/{stage}/values-{stage}-gcp.yaml";

    public static string PinPath(string stage) => $"environments/{stage}/app-of-apps-{stage}.yaml";

    public static string Values(string stage) => $"# {stage} on GCP\nstage: {stage}\n";

    // The shape of environments/<stage>/app-of-apps-<stage>.yaml: an AppProject first, chart and values sources at the
    // pin, the release and the hook's revision (e2eTrigger.revision=$ARGOCD_APP_REVISION) as the chart source's helm parameters.
    public static string Pins(string stage, string revision, string release) => $"""
        # {stage}'s parents
        apiVersion: argoproj.io/v1alpha1
        kind: AppProject
        metadata:
          name: eurodat-{stage}
        spec:
          sourceRepos: [https://gitlab.example/iac.git]
        ---
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: app-of-apps-{stage}-gcp
        spec:
          sources:
            - repoURL: https://gitlab.example/iac.git
              # the pin
              targetRevision: {revision}
              path: charts/app-of-apps
              helm:
                valueFiles:
                  - $values/environments/{stage}/values-{stage}-gcp.yaml
                parameters:
                  - name: deployedRelease
                    value: "{release}" # moved by promotion
                    forceString: true
                  # posted by the PostSync hook as REVISION; a promotion leaves it as it is
                  - name: e2eTrigger.revision
                    value: $ARGOCD_APP_REVISION
                    forceString: true
            - repoURL: https://gitlab.example/iac.git
              targetRevision: {revision}
              ref: values

        """;

    /// <summary>An initial commit, then the stages' files pinned to it; returns that first commit.</summary>
    public async Task<string> InitializeAsync(string qaRelease, string qaIntRelease)
    {
        await Sandbox.InitializeAsync(new Dictionary<string, string> { ["charts/app-of-apps/Chart.yaml"] = "name: app-of-apps\n" });
        var first = (await Sandbox.Git.RevParseAsync("HEAD", CancellationToken.None))!;
        await SetAsync("qa", qaRelease, first);
        await SetAsync("qa-int", qaIntRelease, first);
        return first;
    }

    /// <summary>Commits (and pushes) a stage's release and pin, as a merged MR would.</summary>
    public async Task<string> SetAsync(string stage, string release, string revision)
    {
        var commit = await Sandbox.CommitFilesAsync(
            new Dictionary<string, string> { [ValuesPath(stage)] = Values(stage), [PinPath(stage)] = Pins(stage, revision, release) }, $"{stage}: {release} at {revision}");
        await PushAsync();
        return commit;
    }

    /// <summary>A commit that changes the chart, as a merge to main would.</summary>
    public async Task<string> ChangeChartAsync(string text)
    {
        var commit = await Sandbox.CommitFilesAsync(new Dictionary<string, string> { ["charts/app-of-apps/Chart.yaml"] = text }, "chart change");
        await PushAsync();
        return commit;
    }

    public Task PushAsync() => Sandbox.Git.RunAsync(["push", "--quiet", "origin", "main"], CancellationToken.None);

    public async Task<PromotionRequest> QaRequestAsync(IReadOnlyList<E2eRecord> records, RejectedReleases? rejected = null, bool force = false) =>
        new("qa", "qa-int", [await FileAsync("qa")], [await FileAsync("qa-int")], records, rejected ?? RejectedReleases.None)
        {
            SourcePins = await StagePinFile.ReadAsync(Sandbox.ClonePath, "qa", CancellationToken.None),
            TargetPins = await StagePinFile.ReadAsync(Sandbox.ClonePath, "qa-int", CancellationToken.None),
            Force = force,
        };

    /// <summary>Where the stage's release is written: its parent file, the Application's helm parameter.</summary>
    public async Task<StageValuesFile> FileAsync(string stage) =>
        await StageValuesFile.ReadAsync(Sandbox.ClonePath, "gcp", PinPath(stage), CancellationToken.None) with { Application = $"app-of-apps-{stage}-gcp" };

    public PromotionExecutor Executor() => new(Sandbox.Git, Host, GitOps.Targets.Output.NullLog.Instance) { Settings = Settings };

    public static E2eRecord Record(string release, string? revision, E2eResult result = E2eResult.Passed) =>
        new("qa", "gcp", release, result, 3, result == E2eResult.Passed ? 0 : 1, 0, 0, DateTimeOffset.UnixEpoch, ".nuke/temp/e2e/qa-gcp.junit.xml") { Revision = revision };

    public void Dispose() => Sandbox.Dispose();
}
