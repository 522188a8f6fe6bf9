using GitOps.Platform.ChangeRequests;
using GitOps.Platform.Promotion;
using GitOps.Platform.Tests.Git;

namespace GitOps.Platform.Tests.Promotion;

/// <summary>A desired-state repository (qa and qa-int on two clouds) pushed to a bare remote.</summary>
internal sealed class PromotionRepository : IDisposable
{
    // Tricky on purpose: comments, both quoting styles, CRLF, an anchor, a second document.
    public static readonly IReadOnlyDictionary<string, string> Templates = new Dictionary<string, string>
    {
        ["environments/values-qa-gcp.yaml"] = "# qa on GCP\ndeployedRelease: {V} # moved by promotion\n",
        ["environments/values-qa-aws.yaml"] = "deployedRelease: '{V}'\n",
        ["environments/values-qa-int-gcp.yaml"] = "# qa-int on GCP\r\ncommon: &common\r\n  replicas: 2\r\ndeployedRelease: \"{V}\"   \r\nworkers: *common\r\n",
        ["environments/values-qa-int-aws.yaml"] = "---\nkind: header\n---\n# release pin\ndeployedRelease: {V}\ne2e: {baseUrl: 'https://qa-int.example'}\n",
    };

    public PromotionRepository() => Sandbox = new GitSandbox();

    public GitSandbox Sandbox { get; }

    public FakeChangeRequestHost Host { get; } = new();

    public PromotionGitSettings Settings => new() { WorktreeRoot = Path.Combine(Sandbox.Root, "worktrees") };

    public static string Render(string path, string version) => Templates[path].Replace("{V}", version, StringComparison.Ordinal);

    public async Task InitializeAsync(string qaVersion, string qaIntVersion)
    {
        await Sandbox.InitializeAsync(Templates.Keys.ToDictionary(
            path => path, path => Render(path, path.Contains("qa-int", StringComparison.Ordinal) ? qaIntVersion : qaVersion)));
    }

    public async Task<IReadOnlyList<StageValuesFile>> FilesAsync(string stage) =>
        [
            await StageValuesFile.ReadAsync(Sandbox.ClonePath, "gcp", $"environments/values-{stage}-gcp.yaml", CancellationToken.None),
            await StageValuesFile.ReadAsync(Sandbox.ClonePath, "aws", $"environments/values-{stage}-aws.yaml", CancellationToken.None),
        ];

    public async Task<PromotionRequest> QaRequestAsync(IReadOnlyList<E2eRecord> records, RejectedReleases? rejected = null) =>
        new("qa", "qa-int", await FilesAsync("qa"), await FilesAsync("qa-int"), records, rejected ?? RejectedReleases.None);

    public PromotionExecutor Executor() => Executor(Host);

    public PromotionExecutor Executor(IChangeRequestHost host) =>
        new(Sandbox.Git, host, GitOps.Targets.Output.NullLog.Instance) { Settings = Settings };

    public static E2eRecord Record(string cloud, string version, E2eResult result) =>
        new("qa", cloud, version, result, 3, result == E2eResult.Passed ? 0 : 1, 0, 0, DateTimeOffset.UnixEpoch, $".nuke/temp/e2e/qa-{cloud}.junit.xml");

    /// <summary>The exact bytes of a file on a remote branch, read from a fresh clone (git show would normalise line endings).</summary>
    public async Task<string> RemoteBytesAsync(string branch, string path)
    {
        var checkout = Path.Combine(Sandbox.Root, "check-" + Guid.NewGuid().ToString("N")[..8]);
        await Sandbox.Git.In(Sandbox.Root).RunAsync(["clone", "--quiet", "--branch", branch, Sandbox.RemotePath, checkout], CancellationToken.None);
        return await ValuesFileText.ReadAsync(Path.Combine(checkout, path), CancellationToken.None);
    }

    public void Dispose() => Sandbox.Dispose();
}
