using System.Text;
using GitOps.Platform.Environments;
using GitOps.Platform.Git;
using GitOps.Platform.Helm;
using GitOps.Platform.Promotion;

namespace GitOps.Platform.Pipelines;

/// <summary>
/// What a hand-written merge request does to each environment: every environment of the catalog rendered at the
/// merge request's base and at its head, and one <c>&lt;stage&gt;-&lt;cloud&gt;.diff</c> per environment whose manifests
/// change, plus <see cref="IndexFile"/> naming them. The MR pipeline keeps the directory as an artifact exposed in the
/// merge request widget: nothing is posted, so the job (which runs the branch's own code) needs no API token.
/// </summary>
public sealed class MergeRequestManifestDiff(HelmCli helm, GitCli git)
{
    public const string IndexFile = "index.md";

    /// <summary>Where the base revision is checked out, relative to the repository (ignored, like all of <c>.nuke/temp</c>).</summary>
    public const string WorktreeRoot = ".nuke/temp/merge-request-worktrees";

    /// <summary>The environments whose rendered manifests differ, in catalog order.</summary>
    public async Task<IReadOnlyList<EnvironmentId>> WriteAsync(string repositoryRoot, string baseRevision, string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseRevision);
        var catalog = StageCatalog.Load(EnvironmentLayout.Resolve(repositoryRoot, EnvironmentLayout.StagesFile));

        // An earlier run's diff must not pass for this run's if this one is interrupted: it goes first, and this run
        // writes beside it and moves its complete output into place at the end (nothing half-written is left there).
        var staging = outputDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + ".partial";
        DeleteDirectory(outputDirectory);
        DeleteDirectory(staging);
        // A shallow CI clone may not hold the base yet.
        if (await git.RevParseAsync(baseRevision + "^{commit}", cancellationToken) is null)
        {
            await git.FetchAsync("origin", ["--depth=1", baseRevision], cancellationToken);
        }

        // A run killed before its finally (SIGKILL, a cancelled CI job) leaves its worktree here; the next run removes it.
        var worktrees = Path.Combine(repositoryRoot, WorktreeRoot);
        await git.RemoveWorktreesUnderAsync(worktrees, cancellationToken);
        var worktree = Path.Combine(worktrees, "base");
        try
        {
            await git.RunAsync(["worktree", "add", "--quiet", "--force", "--detach", worktree, baseRevision], cancellationToken);
            Directory.CreateDirectory(staging);
            var changed = new List<EnvironmentId>();
            foreach (var environment in catalog.Environments)
            {
                var before = await TemplateAsync(worktree, catalog, environment, cancellationToken);
                var after = await TemplateAsync(repositoryRoot, catalog, environment, cancellationToken) ?? string.Empty;
                var diff = await UnifiedDiff.RenderAsync(git, before ?? string.Empty, after, environment.ToString(), cancellationToken);
                if (diff.Length > 0)
                {
                    await File.WriteAllTextAsync(Path.Combine(staging, $"{environment}.diff"), diff, cancellationToken);
                    changed.Add(environment);
                }
            }

            await File.WriteAllTextAsync(Path.Combine(staging, IndexFile), Index(baseRevision, changed), cancellationToken);
            Directory.Move(staging, outputDirectory);
            return changed;
        }
        finally
        {
            await git.RemoveWorktreeAsync(worktree);
            DeleteDirectory(staging);
        }
    }

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    // An environment the base does not have yet renders as nothing: all of it is new. A promoted stage renders as its
    // Argo CD does: chart and values file at the pin its parent file names, the release from the parent's parameter (a
    // revision from before that model holds the release in the values file, and no parameter).
    private async Task<string?> TemplateAsync(string root, StageCatalog catalog, EnvironmentId environment, CancellationToken cancellationToken)
    {
        if (!File.Exists(EnvironmentLayout.Resolve(root, EnvironmentLayout.ValuesFile(environment))) || !Directory.Exists(EnvironmentLayout.Resolve(root, EnvironmentLayout.ChartDirectory)))
        {
            return null;
        }

        var chart = await new StageCharts(git.In(root), root).ForStageAsync(catalog, environment.Stage, cancellationToken);
        Dictionary<string, string>? parameters = null;
        if (chart.Pin is not null)
        {
            var parent = EnvironmentLayout.AppOfAppsFile(environment.Stage);
            if (ParentReleases.TryParse(await File.ReadAllTextAsync(EnvironmentLayout.Resolve(root, parent), cancellationToken), parent, environment, out var release, out _))
            {
                parameters = new Dictionary<string, string> { [ParentReleases.Parameter] = release.Value };
            }
        }

        var values = chart.ValuesFile(environment);
        return File.Exists(values)
            ? await helm.TemplateAsync(chart.Directory, EnvironmentLayout.ReleaseName(environment), "argocd", [values], cancellationToken, parameters)
            : null;
    }

    private static string Index(string baseRevision, List<EnvironmentId> changed)
    {
        var text = new StringBuilder($"# Rendered manifest diff against {baseRevision[..Math.Min(12, baseRevision.Length)]}\n\n");
        text.Append(changed.Count == 0
            ? "No environment's rendered manifests change.\n"
            : string.Concat(changed.Select(environment => $"- {environment}: {environment}.diff\n")));
        return text.ToString();
    }
}
