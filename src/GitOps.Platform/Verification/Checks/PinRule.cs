using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using GitOps.Platform.Git;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Which chart and values each stage is checked with, and whether a promoted stage's pin is one Argo CD can run: one
/// full SHA (GO040; its <c>ref: values</c> source at the same commit, GO043) of a commit this repository's history has, reachable from HEAD (GO041), so
/// that nothing merged can point a stage at a commit nobody reviewed on this branch. A stage whose pin fails is not
/// rendered (its findings say why); stages that follow a branch are checked with the working tree.
/// </summary>
internal static class PinRule
{
    public static async Task<IReadOnlyDictionary<Stage, StageChart>> CheckAsync(
        VerificationContext context, GitCli git, CancellationToken cancellationToken)
    {
        var charts = new Dictionary<Stage, StageChart>();
        var exports = new StageCharts(git, context.Files.Root);
        var hasHead = await git.HasCommitAsync("HEAD", cancellationToken);
        foreach (var stage in context.Catalog.Stages.Select(definition => definition.Stage))
        {
            if (!context.Catalog.IsPinned(stage))
            {
                charts[stage] = new StageChart(stage, null, context.Files.Root);
            }
            else if (Pin(context, stage) is { } pin && await InHistoryAsync(context, git, pin, hasHead, cancellationToken))
            {
                try
                {
                    var chart = await exports.AtPinAsync(pin, cancellationToken);
                    context.Templates.AddRevision(pin.ShortSha, chart.Root);
                    charts[stage] = chart;
                }
                catch (ConfigurationPinException exception)
                {
                    Report(context, exception.Errors, RuleIds.PinOutsideHistory);
                }
            }
        }

        return charts;
    }

    private static ConfigurationPin? Pin(VerificationContext context, Stage stage)
    {
        var file = EnvironmentLayout.AppOfAppsFile(stage);
        if (!context.Files.Exists(file) || !YamlText.TryLoad(File.ReadAllText(context.Files.FullPath(file)), out _, out _, out _))
        {
            return null; // GO002 and GO019 say so
        }

        if (ConfigurationPins.TryParse(File.ReadAllText(context.Files.FullPath(file)), file, stage, out var pin, out var errors))
        {
            return pin;
        }

        Report(context, errors, RuleIds.PinInvalid);
        return null;
    }

    private static async Task<bool> InHistoryAsync(
        VerificationContext context, GitCli git, ConfigurationPin pin, bool hasHead, CancellationToken cancellationToken)
    {
        string? problem = null;
        if (!await git.HasCommitAsync(pin.Sha, cancellationToken))
        {
            problem = await git.IsShallowAsync(cancellationToken)
                ? "is not in this clone's history, which is shallow: fetch the history (git fetch --unshallow; CI jobs that render a promoted stage set GIT_DEPTH: 0)"
                : "is not a commit of this repository's history; pin a commit of main, and move it only through the promotion merge request";
        }
        else if (!hasHead || !await git.IsAncestorAsync(pin.Sha, "HEAD", cancellationToken))
        {
            problem = "is not an ancestor of HEAD (a commit of another branch, or one rewritten away); pin a commit of main, and move it only through the promotion merge request";
        }

        if (problem is null)
        {
            return true;
        }

        context.Sink.Add(pin.File, pin.Line, RuleIds.PinOutsideHistory, $"stage {pin.Stage.ToName()}'s pin {pin.Sha} {problem}");
        return false;
    }

    private static void Report(VerificationContext context, IEnumerable<ConfigurationPinError> errors, string ruleId)
    {
        foreach (var error in errors)
        {
            context.Sink.Add(error.File, Math.Max(1, error.Line), ruleId, error.Message);
        }
    }
}
