using GitOps.Platform.Environments;
using GitOps.Platform.Helm;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// <c>helm lint</c> once per Verify run instead of once per environment. Each environment's <c>helm template</c>
/// (<see cref="EnvironmentCheck"/>) already fails on what lint reports for its values: values that break
/// values.schema.json, a template that does not render, rendered YAML that does not parse, a chart that does not load.
/// What lint checks beyond that is about the chart (Chart.yaml, file extensions under templates/, dependencies, CRDs)
/// or about rendered objects (a Deployment without a selector, helm annotations inside a List), so one lint with one
/// environment's values finds it. Lint stops before those checks when the values fail the schema or do not render; then
/// it is run again with the next environment's values, until one lints that far.
/// </summary>
internal sealed class ChartLint(VerificationContext context, HelmCli helm)
{
    public async Task RunAsync(IReadOnlyList<EnvironmentValuesFile> environments, CancellationToken cancellationToken)
    {
        var chart = context.Files.FullPath(EnvironmentLayout.ChartDirectory);
        // Values Verify refuses to hand to helm (unreadable, an alias bomb) are skipped; EnvironmentCheck reports them.
        foreach (var entry in environments.Where(entry => context.Files.Exists(entry.Path) && YamlFile.Read(context.Files, entry.Path, new FindingSink()) is not null))
        {
            var lint = await helm.LintAsync(chart, [context.Files.FullPath(entry.Path)], cancellationToken);
            foreach (var error in lint.Errors.Where(error => !ReportedByTemplate(error)))
            {
                var (file, line) = LintFindings.Locate(error, ChartFile(error) ?? entry.Path);
                context.Sink.Add(entry.Environment, file, line, RuleIds.ChartRender, $"helm lint: {HelmOutput.ErrorSummary(error)}");
            }

            // Without [ERROR]s a failed lint did not get to the chart (helm could not read these values; the template
            // reports why); with errors the template reports, lint stopped before checking the rendered files.
            if (lint.Passed || (lint.Errors.Count > 0 && !lint.Errors.Any(ReportedByTemplate)))
            {
                return;
            }
        }
    }

    // "values.yaml: - at ...", "templates/: <render or schema error>", ": unable to load chart": helm template fails on
    // each of these too, and EnvironmentCheck reports them for every environment.
    private static bool ReportedByTemplate(string error) =>
        LintFindings.IsSchemaError(error)
        || error.StartsWith("templates/: ", StringComparison.Ordinal)
        || error.StartsWith(": ", StringComparison.Ordinal);

    // Lint names the chart file an error is about first: "templates/notes.md: file extension '.md' not valid".
    private string? ChartFile(string error)
    {
        var separator = error.IndexOf(": ", StringComparison.Ordinal);
        var file = separator > 0 ? $"{EnvironmentLayout.ChartDirectory}/{error[..separator]}" : null;
        return file is not null && context.Files.Exists(file) ? file : null;
    }
}
