using System.Text;
using GitOps.Platform.Environments;
using GitOps.Platform.Git;
using GitOps.Platform.Helm;

namespace GitOps.Platform.Promotion;

/// <summary>
/// What a plan changes in the rendered manifests: each edited environment is rendered with helm template from a
/// temporary copy of its values file before and after the edit, and the two are diffed. The working copy is not touched.
/// </summary>
public sealed class RenderedManifestDiff(HelmCli helm, GitCli git)
{
    /// <summary>The diff of every edited environment, empty for a no-op plan.</summary>
    /// <exception cref="HelmException">helm cannot render an environment.</exception>
    public async Task<string> RenderAsync(string repositoryRoot, PromotionPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var chart = EnvironmentLayout.Resolve(repositoryRoot, EnvironmentLayout.ChartDirectory);
        var directory = Directory.CreateTempSubdirectory("gitops-render-").FullName;
        try
        {
            var text = new StringBuilder();
            foreach (var edit in plan.Edits)
            {
                var environment = new EnvironmentId(EnvironmentNames.ParseStage(plan.ToStage), EnvironmentNames.ParseCloud(edit.Cloud));
                var before = await TemplateAsync(chart, environment, Path.Combine(directory, "before.yaml"), edit.OriginalText, cancellationToken);
                var after = await TemplateAsync(chart, environment, Path.Combine(directory, "after.yaml"), edit.EditedText, cancellationToken);
                text.Append(await UnifiedDiff.RenderAsync(git, before, after, environment.ToString(), cancellationToken));
            }

            return UnifiedDiff.Cap(text.ToString(), UnifiedDiff.DefaultMaxLength);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<string> TemplateAsync(string chart, EnvironmentId environment, string valuesPath, string values, CancellationToken cancellationToken)
    {
        await ValuesFileText.WriteAsync(valuesPath, values, cancellationToken);
        return await helm.TemplateAsync(chart, EnvironmentLayout.ReleaseName(environment), "argocd", [valuesPath], cancellationToken);
    }
}
