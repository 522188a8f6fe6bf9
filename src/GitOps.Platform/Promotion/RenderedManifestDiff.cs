using System.Text;
using GitOps.Platform.Environments;
using GitOps.Platform.Git;
using GitOps.Platform.Helm;
using GitOps.Platform.Promotion.Pins;

namespace GitOps.Platform.Promotion;

/// <summary>
/// What a plan changes in the rendered manifests of the target stage. A promoted stage's environment is rendered with
/// helm template as its parent file says before and after the plan: chart and values file at the pinned commit, the
/// release as the parent Application's parameter. So the diff holds the release change and the configuration change
/// together. (A stage without pins: the values file as it is and as edited, the chart of the working copy.)
/// Charts at other revisions come from detached worktrees; the working copy is not touched.
/// </summary>
public sealed class RenderedManifestDiff(HelmCli helm, GitCli git)
{
    /// <summary>
    /// Where the worktrees of the two revisions are checked out, in a <c>render</c> folder below it; by default the
    /// repository's ignored <c>.nuke/temp/promotion-worktrees</c>.
    /// </summary>
    public string? WorktreeRoot { get; init; }

    /// <summary>The diff of every environment of the target stage, empty for a no-op plan.</summary>
    /// <exception cref="HelmException">helm cannot render an environment.</exception>
    public async Task<string> RenderAsync(string repositoryRoot, PromotionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.IsNoOp)
        {
            return string.Empty;
        }

        // Only this diff's worktrees live in this folder: what a killed run left there is removed first.
        var worktreeRoot = Path.Combine(WorktreeRoot ?? Path.Combine(repositoryRoot, ".nuke", "temp", "promotion-worktrees"), "render");
        await git.RemoveWorktreesUnderAsync(worktreeRoot, cancellationToken);
        var directory = Directory.CreateTempSubdirectory("gitops-render-").FullName;
        var worktrees = new List<string>();
        try
        {
            var current = EnvironmentLayout.Resolve(repositoryRoot, EnvironmentLayout.ChartDirectory);
            var checkouts = new Dictionary<string, string>(StringComparer.Ordinal);
            var text = new StringBuilder();
            foreach (var file in Files(plan))
            {
                var environment = new EnvironmentId(EnvironmentNames.ParseStage(plan.ToStage), EnvironmentNames.ParseCloud(file.Cloud));
                string old, @new;
                if (file.Application is not null)
                {
                    // A promoted stage: its parent file names pin and release; chart and values come from the pinned commit.
                    old = await TemplatePinnedAsync(file, file.Text, environment, worktreeRoot, checkouts, worktrees, cancellationToken);
                    @new = await TemplatePinnedAsync(file, After(plan, file), environment, worktreeRoot, checkouts, worktrees, cancellationToken);
                }
                else
                {
                    var before = plan.PreviousRevision is { } previous ? await ChartAtAsync(previous, worktreeRoot, checkouts, worktrees, cancellationToken) : current;
                    var after = plan.Revision is { } revision ? await ChartAtAsync(revision, worktreeRoot, checkouts, worktrees, cancellationToken) : current;
                    if (plan.Revision is not null && plan.PinEdit is null)
                    {
                        before = after; // the pin stays: only the release moves, at the stage's revision
                    }

                    var edit = plan.Edits.FirstOrDefault(candidate => candidate.Path == file.Path);
                    old = await TemplateAsync(before, environment, Path.Combine(directory, "before.yaml"), edit?.OriginalText ?? file.Text, cancellationToken);
                    @new = await TemplateAsync(after, environment, Path.Combine(directory, "after.yaml"), edit?.EditedText ?? file.Text, cancellationToken);
                }

                text.Append(await UnifiedDiff.RenderAsync(git, old, @new, environment.ToString(), cancellationToken));
            }

            return UnifiedDiff.Cap(text.ToString(), UnifiedDiff.DefaultMaxLength);
        }
        finally
        {
            foreach (var worktree in worktrees)
            {
                await git.RemoveWorktreeAsync(worktree);
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    // Plans made before pins list only their edits; every environment of the stage is rendered when the pin moves.
    private static IEnumerable<StageValuesFile> Files(PromotionPlan plan) =>
        plan.TargetFiles.Count > 0 ? plan.TargetFiles : plan.Edits.Select(edit => new StageValuesFile(edit.Cloud, edit.Path, edit.OriginalText));

    // The parent file's text after the plan: every release edit of that file, then the pin.
    private static string After(PromotionPlan plan, StageValuesFile file)
    {
        var text = plan.Edits.Where(edit => edit.Path == file.Path).Aggregate(file.Text, (current, edit) => edit.ApplyTo(current));
        return plan.PinEdit is { } pin && pin.Path == file.Path ? PinFileEditor.Set(text, pin.NewRevision, pin.Path) : text;
    }

    private async Task<string> TemplatePinnedAsync(
        StageValuesFile file, string parentText, EnvironmentId environment, string worktreeRoot, Dictionary<string, string> checkouts, List<string> worktrees, CancellationToken cancellationToken)
    {
        var release = file.ReadRelease(parentText, file.Path);
        var revision = ConfigurationPins.Parse(parentText, file.Path, environment.Stage).Sha;
        var checkout = await CheckoutAsync(revision, worktreeRoot, checkouts, worktrees, cancellationToken);
        var values = EnvironmentLayout.Resolve(checkout, EnvironmentLayout.ValuesFile(environment));
        if (!File.Exists(values))
        {
            throw new ValuesFileException($"{file.Path}: {environment}'s values file {EnvironmentLayout.ValuesFile(environment)} does not exist at {CommitRevision.Abbreviate(revision)}; pin a commit that has it");
        }

        return await helm.TemplateAsync(
            EnvironmentLayout.Resolve(checkout, EnvironmentLayout.ChartDirectory), EnvironmentLayout.ReleaseName(environment), "argocd", [values], cancellationToken,
            new Dictionary<string, string> { [ParentReleases.Parameter] = release });
    }

    private async Task<string> ChartAtAsync(string revision, string worktreeRoot, Dictionary<string, string> checkouts, List<string> worktrees, CancellationToken cancellationToken) =>
        EnvironmentLayout.Resolve(await CheckoutAsync(revision, worktreeRoot, checkouts, worktrees, cancellationToken), EnvironmentLayout.ChartDirectory);

    // One detached worktree per revision, removed when the diff is done.
    private async Task<string> CheckoutAsync(string revision, string worktreeRoot, Dictionary<string, string> checkouts, List<string> worktrees, CancellationToken cancellationToken)
    {
        if (checkouts.TryGetValue(revision, out var existing))
        {
            return existing;
        }

        Directory.CreateDirectory(worktreeRoot);
        var path = Path.Combine(worktreeRoot, "render-" + Guid.NewGuid().ToString("N")[..12]);
        worktrees.Add(path); // before the add: an add cancelled half-way leaves a locked worktree to remove
        await git.RunAsync(["worktree", "add", "--quiet", "--force", "--detach", path, revision], cancellationToken);
        checkouts[revision] = path;
        return path;
    }

    private async Task<string> TemplateAsync(string chart, EnvironmentId environment, string valuesPath, string values, CancellationToken cancellationToken)
    {
        await ValuesFileText.WriteAsync(valuesPath, values, cancellationToken);
        return await helm.TemplateAsync(chart, EnvironmentLayout.ReleaseName(environment), "argocd", [valuesPath], cancellationToken);
    }
}
