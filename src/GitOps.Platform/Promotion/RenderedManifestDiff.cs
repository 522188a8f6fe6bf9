using System.Text;
using GitOps.Platform.Environments;
using GitOps.Platform.Git;
using GitOps.Platform.Helm;

namespace GitOps.Platform.Promotion;

/// <summary>
/// What a plan changes in the rendered manifests of the target stage. Each environment is rendered with helm template
/// before (the chart at the stage's previous revision, its values file as it is) and after (the chart at the new
/// revision, the values file as edited), so the diff holds the release change and the configuration change together.
/// Charts at other revisions come from detached worktrees; the working copy is not touched.
/// </summary>
public sealed class RenderedManifestDiff(HelmCli helm, GitCli git)
{
    /// <summary>Where the worktrees of the two revisions are checked out (inside the repository's ignored temp folder).</summary>
    public string WorktreeRoot { get; init; } = Path.Combine(Path.GetTempPath(), "gitops-promotion");

    /// <summary>The diff of every environment of the target stage, empty for a no-op plan.</summary>
    /// <exception cref="HelmException">helm cannot render an environment.</exception>
    public async Task<string> RenderAsync(string repositoryRoot, PromotionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.IsNoOp)
        {
            return string.Empty;
        }

        var directory = Directory.CreateTempSubdirectory("gitops-render-").FullName;
        var worktrees = new List<string>();
        try
        {
            var current = EnvironmentLayout.Resolve(repositoryRoot, EnvironmentLayout.ChartDirectory);
            var before = plan.PreviousRevision is { } previous ? await ChartAtAsync(previous, worktrees, cancellationToken) : current;
            var after = plan.Revision is { } revision ? await ChartAtAsync(revision, worktrees, cancellationToken) : current;
            if (plan.Revision is not null && plan.PinEdit is null)
            {
                before = after; // the pin stays: only the release moves, at the stage's revision
            }

            var text = new StringBuilder();
            foreach (var file in Files(plan))
            {
                var edit = plan.Edits.FirstOrDefault(candidate => candidate.Path == file.Path);
                var environment = new EnvironmentId(EnvironmentNames.ParseStage(plan.ToStage), EnvironmentNames.ParseCloud(file.Cloud));
                var old = await TemplateAsync(before, environment, Path.Combine(directory, "before.yaml"), edit?.OriginalText ?? file.Text, cancellationToken);
                var @new = await TemplateAsync(after, environment, Path.Combine(directory, "after.yaml"), edit?.EditedText ?? file.Text, cancellationToken);
                text.Append(await UnifiedDiff.RenderAsync(git, old, @new, environment.ToString(), cancellationToken));
            }

            return UnifiedDiff.Cap(text.ToString(), UnifiedDiff.DefaultMaxLength);
        }
        finally
        {
            foreach (var worktree in worktrees)
            {
                await git.RemoveWorktreeAsync(worktree, cancellationToken);
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    // Plans made before pins list only their edits; every environment of the stage is rendered when the pin moves.
    private static IEnumerable<StageValuesFile> Files(PromotionPlan plan) =>
        plan.TargetFiles.Count > 0 ? plan.TargetFiles : plan.Edits.Select(edit => new StageValuesFile(edit.Cloud, edit.Path, edit.OriginalText));

    private async Task<string> ChartAtAsync(string revision, List<string> worktrees, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(WorktreeRoot);
        var path = Path.Combine(WorktreeRoot, "render-" + Guid.NewGuid().ToString("N")[..12]);
        await git.RunAsync(["worktree", "add", "--quiet", "--force", "--detach", path, revision], cancellationToken);
        worktrees.Add(path);
        return EnvironmentLayout.Resolve(path, EnvironmentLayout.ChartDirectory);
    }

    private async Task<string> TemplateAsync(string chart, EnvironmentId environment, string valuesPath, string values, CancellationToken cancellationToken)
    {
        await ValuesFileText.WriteAsync(valuesPath, values, cancellationToken);
        return await helm.TemplateAsync(chart, EnvironmentLayout.ReleaseName(environment), "argocd", [valuesPath], cancellationToken);
    }
}
