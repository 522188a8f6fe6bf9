using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using GitOps.Platform.Git;
using GitOps.Platform.Promotion.Pins;
using GitOps.Targets.Output;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Which chart and values each stage is checked with, and whether a promoted stage's pin is one Argo CD can run: one
/// full SHA (GO040; its <c>ref: values</c> source at the same commit, GO043) of a commit main has been at (GO041:
/// origin's main, first-parent line, <see cref="MainLine"/>). Not "an ancestor of HEAD": in a merge request pipeline HEAD
/// is the MR branch, so a commit only the MR has would pass. A stage whose pin fails is not rendered (its findings say
/// why); stages that follow a branch are checked with the working tree.
/// </summary>
internal static class PinRule
{
    public static async Task<IReadOnlyDictionary<Stage, StageChart>> CheckAsync(
        VerificationContext context, GitCli git, MainLine main, ILog log, CancellationToken cancellationToken)
    {
        var charts = new Dictionary<Stage, StageChart>();
        var exports = new StageCharts(git, context.Files.Root);
        foreach (var stage in context.Catalog.Stages.Select(definition => definition.Stage))
        {
            if (!context.Catalog.IsPinned(stage))
            {
                charts[stage] = new StageChart(stage, null, context.Files.Root);
            }
            else if (Pin(context, stage) is { } pin && await InHistoryAsync(context, git, main, pin, cancellationToken))
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

        // Offline (or without origin) the pins were checked against an older main: say which, once.
        if (context.Catalog.Stages.Any(definition => context.Catalog.IsPinned(definition.Stage)) && (await main.ReferenceAsync(cancellationToken))?.Note is { } note)
        {
            log.Warning($"GO041: {note}");
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
        VerificationContext context, GitCli git, MainLine main, ConfigurationPin pin, CancellationToken cancellationToken)
    {
        string? problem = null;
        if (!await git.HasCommitAsync(pin.Sha, cancellationToken) && await git.IsShallowAsync(cancellationToken))
        {
            problem = "is not in this clone's history, which is shallow: fetch the history (git fetch --unshallow; CI jobs that render a promoted stage set GIT_DEPTH: 0)";
        }
        else if (await main.CheckAsync(pin.Sha, cancellationToken) is var answer and not MainLineAnswer.OnMain)
        {
            problem = answer == MainLineAnswer.NotACommit
                ? "is not a commit of this repository's history; pin a commit of main, and move it only through the promotion merge request"
                : $"{await main.ProblemAsync(pin.Sha, cancellationToken)}; {MainLine.Advice}";
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
