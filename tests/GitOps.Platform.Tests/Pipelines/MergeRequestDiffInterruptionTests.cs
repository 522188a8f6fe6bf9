using GitOps.Platform.Helm;
using GitOps.Platform.Pipelines;
using GitOps.Platform.Tests.Git;

namespace GitOps.Platform.Tests.Pipelines;

/// <summary>
/// RenderMergeRequestDiff checks the merge request's base out in a worktree. Cancelled mid-render (Ctrl+C, a cancelled
/// MR pipeline) it must still remove that worktree, and a run killed outright leaves one that the rerun removes by
/// itself, locked or not. helm is a stand-in script here: one that never finishes, or one that renders a fixed manifest.
/// </summary>
public sealed class MergeRequestDiffInterruptionTests : IAsyncLifetime, IDisposable
{
    // Where the build keeps the worktree: a fixed folder of the repository's ignored .nuke/temp, not /tmp.
    private const string WorktreeRoot = ".nuke/temp/merge-request-worktrees";

    private readonly GitSandbox sandbox = new();
    private string baseRevision = string.Empty;

    public async Task InitializeAsync()
    {
        var files = new Dictionary<string, string>
        {
            // The repository's catalog; only dev has a values file, so only dev is rendered.
            ["environments/stages.yaml"] = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "environments", "stages.yaml")),
            ["environments/dev/values-dev-gcp.yaml"] = "replicas: 1\n",
            ["charts/app-of-apps/Chart.yaml"] = "apiVersion: v2\nname: app-of-apps\nversion: 0.1.0\n",
        };
        await sandbox.InitializeAsync(files);
        baseRevision = (await sandbox.Git.RevParseAsync("HEAD", CancellationToken.None))!;
        await sandbox.CommitFilesAsync(new Dictionary<string, string> { ["environments/dev/values-dev-gcp.yaml"] = "replicas: 2\n" }, "dev: two replicas");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task Cancelled_while_helm_renders_it_removes_the_worktree_of_the_base()
    {
        var started = Path.Combine(sandbox.Root, "helm-started");
        var helm = FakeHelm("hanging-helm", $": > '{started}'\nexec sleep 120\n");
        using var cancellation = new CancellationTokenSource();

        var render = Diff(helm).WriteAsync(sandbox.ClonePath, baseRevision, Output, cancellation.Token);
        await WaitForAsync(() => File.Exists(started) || render.IsCompleted);
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => render);
        (await WorktreesAsync()).ShouldBe([sandbox.ClonePath]);
        Directory.Exists(Path.Combine(sandbox.ClonePath, WorktreeRoot, "base")).ShouldBeFalse();
    }

    /// <summary>A post-checkout hook holds <c>git worktree add</c> half-way, as a large checkout does when Ctrl+C comes.</summary>
    [Fact]
    public async Task Cancelled_while_git_checks_the_base_out_it_removes_the_half_made_worktree()
    {
        var started = Path.Combine(sandbox.Root, "checkout-started");
        var hook = Path.Combine(sandbox.ClonePath, ".git", "hooks", "post-checkout");
        File.WriteAllText(hook, $"#!/bin/sh\n: > '{started}'\nexec sleep 120\n");
        MakeExecutable(hook);
        using var cancellation = new CancellationTokenSource();

        var render = Diff(FakeHelm("unused-helm", "exit 1\n")).WriteAsync(sandbox.ClonePath, baseRevision, Output, cancellation.Token);
        await WaitForAsync(() => File.Exists(started) || render.IsCompleted);
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => render);
        File.Delete(hook);
        (await WorktreesAsync()).ShouldBe([sandbox.ClonePath]);
        Directory.Exists(Path.Combine(sandbox.ClonePath, WorktreeRoot, "base")).ShouldBeFalse();
    }

    /// <summary>An interrupted run must not leave the previous run's diff looking like its own result.</summary>
    [Fact]
    public async Task Cancelled_before_it_renders_it_leaves_neither_the_earlier_runs_diff_nor_a_part_of_its_own()
    {
        var rendering = FakeHelm("rendering-helm", "for last; do :; done\nprintf 'kind: ConfigMap\\nvalues: %s\\n' \"$(cat \"$last\")\"\n");
        (await Diff(rendering).WriteAsync(sandbox.ClonePath, baseRevision, Output, CancellationToken.None)).ShouldNotBeEmpty();
        File.Exists(Path.Combine(Output, MergeRequestManifestDiff.IndexFile)).ShouldBeTrue("the first run wrote its diff");

        // Interrupted while git checks the base out, before anything of this run is rendered.
        var started = Path.Combine(sandbox.Root, "checkout-started");
        var hook = Path.Combine(sandbox.ClonePath, ".git", "hooks", "post-checkout");
        File.WriteAllText(hook, $"#!/bin/sh\n: > '{started}'\nexec sleep 120\n");
        MakeExecutable(hook);
        using var cancellation = new CancellationTokenSource();
        var render = Diff(rendering).WriteAsync(sandbox.ClonePath, baseRevision, Output, cancellation.Token);
        await WaitForAsync(() => File.Exists(started) || render.IsCompleted);
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => render);
        File.Delete(hook);
        Directory.Exists(Output).ShouldBeFalse("the earlier run's diff would read as this run's result");
        Directory.Exists(Output + ".partial").ShouldBeFalse();
    }

    [Fact]
    public async Task A_rerun_removes_the_locked_worktree_a_killed_run_left_and_renders()
    {
        var stale = Path.Combine(sandbox.ClonePath, WorktreeRoot, "base");
        await sandbox.Git.RunAsync(["worktree", "add", "--quiet", "--detach", stale, baseRevision], CancellationToken.None);
        await sandbox.Git.RunAsync(["worktree", "lock", "--reason", "initializing", stale], CancellationToken.None);
        var helm = FakeHelm("rendering-helm", "for last; do :; done\nprintf 'kind: ConfigMap\\nvalues: %s\\n' \"$(cat \"$last\")\"\n");

        var changed = await Diff(helm).WriteAsync(sandbox.ClonePath, baseRevision, Output, CancellationToken.None);

        changed.Select(environment => environment.ToString()).ShouldBe(["dev-gcp"]);
        (await WorktreesAsync()).ShouldBe([sandbox.ClonePath]);
        Directory.Exists(stale).ShouldBeFalse();
    }

    private string Output => Path.Combine(sandbox.ClonePath, ".nuke", "temp", "merge-request-diff");

    private MergeRequestManifestDiff Diff(string helm) => new(new HelmCli(sandbox.Runner, helm), sandbox.Git);

    private string FakeHelm(string name, string body)
    {
        var path = Path.Combine(sandbox.Root, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        MakeExecutable(path);
        return path;
    }

    private static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private async Task<List<string>> WorktreesAsync()
    {
        var listing = await sandbox.Git.RunAsync(["worktree", "list", "--porcelain"], CancellationToken.None);
        return [.. listing.Split('\n').Where(line => line.StartsWith("worktree ", StringComparison.Ordinal)).Select(line => line["worktree ".Length..])];
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "helm was never started");
            await Task.Delay(50);
        }
    }
}
