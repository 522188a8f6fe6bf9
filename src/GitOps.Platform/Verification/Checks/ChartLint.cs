using GitOps.Platform.Environments;
using GitOps.Platform.Helm;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// <c>helm lint</c> once per chart a Verify run meets (the working tree's, and each pinned commit's that differs)
/// instead of once per environment. Each environment's <c>helm template</c> (<see cref="EnvironmentCheck"/>) already
/// fails on what lint reports for its values: values that break values.schema.json, a template that does not render,
/// rendered YAML that does not parse, a chart that does not load. What lint checks beyond that is about the chart
/// (Chart.yaml, file extensions under templates/, dependencies, CRDs) or about rendered objects (a Deployment without a
/// selector, helm annotations inside a List), so one lint with one environment's values and parameters finds it. Lint
/// stops before those checks when the values fail the schema or do not render; then it is run again with the next
/// environment's, until one lints that far.
/// </summary>
internal sealed class ChartLint(VerificationContext context, HelmCli helm)
{
    /// <param name="environments">The environments whose stages run this one chart, in order (see <see cref="EnvironmentCheck.Prepare"/>).</param>
    /// <param name="cancellationToken">Stops helm.</param>
    /// <returns>Whether one environment's lint got past the values to the chart's own checks.</returns>
    public async Task<bool> RunAsync(IEnumerable<Lazy<EnvironmentHelmInputs?>> environments, CancellationToken cancellationToken)
    {
        foreach (var inputs in environments.Select(prepared => prepared.Value).OfType<EnvironmentHelmInputs>())
        {
            var chart = inputs.Chart;
            var lint = await helm.LintAsync(chart.Directory, [inputs.ValuesFile], cancellationToken, inputs.Parameters);
            foreach (var error in lint.Errors.Where(error => !ReportedByTemplate(error)))
            {
                var (file, line) = LintFindings.Locate(error, ChartFile(chart, error) ?? inputs.Values.Path, chart.Label);
                context.Sink.Add(inputs.Environment, file, line, RuleIds.ChartRender, $"helm lint: {HelmOutput.ErrorSummary(error)}");
            }

            // Without [ERROR]s a failed lint did not get to the chart (helm could not read these values; the template
            // reports why); with errors the template reports, lint stopped before checking the rendered files.
            if (lint.Passed || (lint.Errors.Count > 0 && !lint.Errors.Any(ReportedByTemplate)))
            {
                return true;
            }
        }

        return false;
    }

    // "values.yaml: - at ...", "templates/: <render or schema error>", ": unable to load chart": helm template fails on
    // each of these too, and EnvironmentCheck reports them for every environment.
    private static bool ReportedByTemplate(string error) =>
        LintFindings.IsSchemaError(error)
        || error.StartsWith("templates/: ", StringComparison.Ordinal)
        || error.StartsWith(": ", StringComparison.Ordinal);

    // Lint names the chart file an error is about first: "templates/notes.md: file extension '.md' not valid".
    private static string? ChartFile(StageChart chart, string error)
    {
        var separator = error.IndexOf(": ", StringComparison.Ordinal);
        return separator > 0 && File.Exists(Path.Combine(chart.Directory, error[..separator]))
            ? $"{chart.Label}/{error[..separator]}"
            : null;
    }
}
