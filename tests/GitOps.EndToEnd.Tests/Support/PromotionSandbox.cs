using GitOps.TestDoubles.GitLab;
using GitOps.TestDoubles.Kubernetes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GitOps.EndToEnd.Tests.Support;

/// <summary>
/// A user's checkout for promotion: a copy of the shared clone (compiled build and helm included) whose content is
/// pushed to a bare repository on disk as <c>origin</c>, the fake GitLab as the MR host and a loopback server as the
/// environment. The shared clone itself is never committed to or pushed from.
/// </summary>
public sealed class PromotionSandbox : IAsyncDisposable
{
    private readonly List<ProcessResult> runs = [];
    private WebApplication? environment;

    private PromotionSandbox(string parent, FakeGitLab gitLab)
    {
        Parent = parent;
        GitLab = gitLab;
    }

    public string Parent { get; }

    public string Root => Path.Combine(Parent, "repo");

    public string Origin => Path.Combine(Parent, "origin.git");

    public FakeGitLab GitLab { get; }

    public string EnvironmentUrl { get; private set; } = string.Empty;

    /// <summary>The release the loopback environment reports on /version: what Argo CD synced there.</summary>
    public string EnvironmentRelease { get; set; } = string.Empty;

    /// <summary>Every build run so far, for the canary check.</summary>
    public IReadOnlyList<ProcessResult> Runs => runs;

    /// <summary>
    /// The variables of a GitLab job, pointed at the fake. GITLAB_TOKEN is a canary: a maintainer token made up for
    /// this sandbox, so finding it anywhere means the build leaked it.
    /// </summary>
    public Dictionary<string, string?> Variables => new()
    {
        ["CI_API_V4_URL"] = GitLab.ApiUrl.ToString(),
        ["GITLAB_TOKEN"] = GitLab.MaintainerToken,
        ["CI_PROJECT_ID"] = GitLab.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static async Task<PromotionSandbox> CreateAsync(FreshClone clone, string environmentRelease)
    {
        ArgumentNullException.ThrowIfNull(clone);

        // Compiles the build and installs helm in the shared clone once, so each copy starts ready.
        var ready = clone.BuildSh("Render", "--stage", "qa", "--cloud", "gcp", "--no-logo");
        ready.ExitCode.ShouldBe(0, ready.Output + ready.Error);

        var sandbox = new PromotionSandbox(Directory.CreateTempSubdirectory("gitops-promotion-e2e-").FullName, await FakeGitLab.StartAsync(
            () => FakeGitLab.Create(maintainerToken: $"glpat-canary-{Guid.NewGuid():N}")));
        ProcessResult.Run("cp", ["-a", clone.Root, sandbox.Root], sandbox.Parent, new Dictionary<string, string?>()).ExitCode.ShouldBe(0);
        foreach (var leftover in new[] { ".nuke/temp/e2e", ".nuke/temp/build.log" }.Select(path => Path.Combine(sandbox.Root, path)))
        {
            if (Directory.Exists(leftover))
            {
                Directory.Delete(leftover, recursive: true);
            }

            File.Delete(leftover);
        }

        sandbox.BelongToTheFakeGitLab();
        sandbox.Git("add", "-A");
        sandbox.Git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "--quiet", "--allow-empty", "-m", "the checkout under test");
        FreshClone.Git(sandbox.Parent, "init", "--quiet", "--bare", "--initial-branch=main", sandbox.Origin);
        sandbox.Git("push", "--quiet", sandbox.Origin, "HEAD:refs/heads/main");
        sandbox.Git("remote", "set-url", "origin", sandbox.Origin);
        await sandbox.StartEnvironmentAsync(environmentRelease);
        return sandbox;
    }

    /// <summary>./build.sh in pipeline mode with the fake's variables plus <paramref name="extra"/>.</summary>
    public ProcessResult Build(IReadOnlyDictionary<string, string?>? extra, params string[] args)
    {
        var variables = Variables;
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        var result = ProcessResult.Run(Path.Combine(Root, "build.sh"), [.. args, "--pipeline", "--no-logo"], Root, variables);
        runs.Add(result);
        return result;
    }

    public ProcessResult Build(params string[] args) => Build(null, args);

    public string Git(params string[] args) => FreshClone.Git(Root, args);

    public string OriginGit(params string[] args) => FreshClone.Git(Origin, args);

    /// <summary>
    /// Merges a merge request as a person would in GitLab: its branch into origin's main (a merge commit), the fake's
    /// state set to merged. The checkout then stands on the merge commit, as the pipeline that follows would.
    /// </summary>
    public void Merge(FakeMergeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Git("fetch", "--quiet", "origin", $"+refs/heads/{request.SourceBranch}:refs/remotes/origin/{request.SourceBranch}", "+refs/heads/main:refs/remotes/origin/main");
        Git("checkout", "--quiet", "--detach", "origin/main");
        Git("-c", "user.name=Reviewer", "-c", "user.email=reviewer@example.invalid", "merge", "--quiet", "--no-ff", "-m", $"Merge branch '{request.SourceBranch}' into 'main'", $"origin/{request.SourceBranch}");
        Git("push", "--quiet", "origin", "HEAD:refs/heads/main");
        GitLab.Merge(request.Iid);
    }

    /// <summary>Commits the working tree's changes to main and pushes, as a merged change to main would land.</summary>
    public string CommitToMain(string message)
    {
        Git("add", "-A");
        Git("-c", "user.name=Developer", "-c", "user.email=dev@example.invalid", "commit", "--quiet", "-m", message);
        Git("push", "--quiet", "origin", "HEAD:refs/heads/main");
        return Git("rev-parse", "HEAD").Trim();
    }

    /// <summary>What Render writes for an environment, every file's name and text, in one string to compare.</summary>
    public string Rendered(string stage)
    {
        var result = Build("Render", "--stage", stage, "--cloud", "gcp");
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        var directory = Path.Combine(Root, ".nuke", "temp", "rendered", $"{stage}-gcp");
        return string.Join('\n', Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal)
            .Select(file => $"### {Path.GetFileName(file)}\n{File.ReadAllText(file)}"));
    }

    /// <summary>What the stage's PostSync hook Job, as Argo CD renders it, posts as <paramref name="variable"/> (e.g. REVISION); empty when it posts none.</summary>
    public string HookPosts(string stage, string variable)
    {
        var job = YamlManifests.Read(ArgoRendered(stage))
            .Single(document => document["kind"]?.ToString() == "Job" && document["metadata"]?["name"]?.ToString() == $"e2e-trigger-{stage}-gcp");
        return job["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray().OfType<System.Text.Json.Nodes.JsonObject>()
            .Single(entry => entry["name"]?.ToString() == variable)["value"]?.ToString() ?? string.Empty;
    }

    /// <summary>
    /// What Argo CD renders for the stage's environment, worked out independently of the build, from the parent
    /// Application in the stage's parent file as the root Application syncs it (the checkout must stand on origin's main):
    /// the repo-server first refuses sources of one repository at different revisions (as real Argo CD does), then
    /// renders the chart source at its targetRevision with its valueFiles ($values/ from the ref source at that
    /// source's revision) and its helm parameters (forceString as --set-string, which win over the values files), with
    /// Argo CD's build environment substituted in their values (<see cref="ArgoBuildEnvironment"/>).
    /// </summary>
    public string ArgoRendered(string stage)
    {
        var name = $"app-of-apps-{stage}-gcp";
        var application = YamlManifests.Read(File.ReadAllText(Path.Combine(Root, $"environments/{stage}/app-of-apps-{stage}.yaml")))
            .Single(document => document["kind"]?.ToString() == "Application" && document["metadata"]?["name"]?.ToString() == name);
        ArgoRepoServerRules.SameRepositoryConflict(application).ShouldBeNull($"Argo CD's repo-server refuses to render {name}");
        var sources = application["spec"]!["sources"]!.AsArray().OfType<System.Text.Json.Nodes.JsonObject>().ToList();
        var chart = sources.Single(source => source["ref"] is null);
        var worktrees = new Dictionary<string, string>(StringComparer.Ordinal);
        string Resolve(string? revision) => Git("rev-parse", $"{(revision is null or "HEAD" or "main" ? "origin/main" : revision)}^{{commit}}").Trim();
        string Checkout(string? revision)
        {
            var commit = Resolve(revision);
            if (!worktrees.TryGetValue(commit, out var worktree))
            {
                worktree = Path.Combine(Parent, "argo-" + Guid.NewGuid().ToString("N")[..8]);
                Git("worktree", "add", "--quiet", "--detach", worktree, commit);
                worktrees[commit] = worktree;
            }

            return worktree;
        }

        try
        {
            var chartDirectory = Path.Combine(Checkout(chart["targetRevision"]?.ToString()), chart["path"]!.ToString());
            var arguments = new List<string> { "template", chart["helm"]?["releaseName"]?.ToString() ?? name, chartDirectory, "--namespace", "argocd" };
            foreach (var valueFile in chart["helm"]?["valueFiles"]?.AsArray().Select(node => node!.ToString()) ?? [])
            {
                var reference = valueFile.StartsWith('$') ? sources.Single(source => source["ref"]?.ToString() == valueFile[1..valueFile.IndexOf('/', StringComparison.Ordinal)]) : null;
                arguments.AddRange(["-f", reference is null ? Path.Combine(chartDirectory, valueFile)
                    : Path.Combine(Checkout(reference["targetRevision"]?.ToString()), valueFile[(valueFile.IndexOf('/', StringComparison.Ordinal) + 1)..])]);
            }

            // The repo-server substitutes its build environment into parameter values, for the source it renders.
            var environment = ArgoBuildEnvironment.For(application, chart, Resolve(chart["targetRevision"]?.ToString()));
            foreach (var parameter in chart["helm"]?["parameters"]?.AsArray().OfType<System.Text.Json.Nodes.JsonObject>() ?? [])
            {
                arguments.AddRange([parameter["forceString"]?.ToString() == "true" ? "--set-string" : "--set",
                    $"{parameter["name"]}={ArgoBuildEnvironment.Substitute(parameter["value"]?.ToString() ?? string.Empty, environment)}"]);
            }

            var bundled = Path.Combine(Root, ".nuke", "tools", "bin", "helm");
            var helm = ProcessResult.Run(File.Exists(bundled) ? bundled : "helm", [.. arguments], Root, new Dictionary<string, string?>());
            helm.ExitCode.ShouldBe(0, helm.Error);
            return helm.Output;
        }
        finally
        {
            foreach (var worktree in worktrees.Values)
            {
                Git("worktree", "remove", "--force", worktree);
            }
        }
    }

    public IReadOnlyList<string> OriginBranches() =>
        OriginGit("for-each-ref", "--format=%(refname:short)", "refs/heads").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// A pipeline talks only to the GitLab project the repository commits (the foundation tfvars): this checkout's
    /// commits the fake's, as a real project's repository names its own.
    /// </summary>
    private void BelongToTheFakeGitLab()
    {
        var server = GitLab.WebUrl.ToString().TrimEnd('/');
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "environments", "terraform", "gcp", "stages", "foundation"), "*.tfvars"))
        {
            var lines = File.ReadAllLines(file).Select(line =>
                line.StartsWith("gitlab_url ", StringComparison.Ordinal) ? $"gitlab_url          = \"{server}\""
                : line.StartsWith("gitlab_project_path ", StringComparison.Ordinal) ? $"gitlab_project_path = \"{GitLab.ProjectPath}\""
                : line);
            File.WriteAllText(file, string.Join('\n', lines) + "\n");
        }
    }

    private async Task StartEnvironmentAsync(string release)
    {
        EnvironmentRelease = release;
        var (app, root) = await LoopbackHost.StartAsync(context => ServeAsync(context, EnvironmentRelease));
        environment = app;
        EnvironmentUrl = root.ToString().TrimEnd('/');
    }

    private static Task ServeAsync(HttpContext context, string release)
    {
        var body = context.Request.Path.Value switch
        {
            "/healthz" => "ok",
            "/version" => $"{{\"release\":\"{release}\"}}",
            "/" => "<html>portal</html>",
            _ => null,
        };
        context.Response.StatusCode = body is null ? 404 : 200;
        return context.Response.WriteAsync(body ?? "not found");
    }

    public async ValueTask DisposeAsync()
    {
        await GitLab.DisposeAsync();
        if (environment is not null)
        {
            await environment.DisposeAsync();
        }

        try
        {
            Directory.Delete(Parent, recursive: true);
        }
        catch (IOException)
        {
            // A tool may still hold a file for a moment; the OS cleans temp eventually.
        }
    }
}
