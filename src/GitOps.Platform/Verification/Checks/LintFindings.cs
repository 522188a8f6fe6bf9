using System.Text.RegularExpressions;
using GitOps.Platform.Environments;
using GitOps.Platform.Helm;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Turns <c>helm lint</c> errors into findings. Schema violations name a JSON pointer into the values
/// (<c>- at '/deployedRelease': ...</c>), so they are reported at that key's line in the values file.
/// </summary>
internal static partial class LintFindings
{
    // chartLabel: how findings name the chart (StageChart.Label: "<sha>:charts/app-of-apps" for a pinned stage).
    public static void Report(VerificationContext context, EnvironmentId environment, YamlFile values, HelmLintResult lint, string chartLabel = EnvironmentLayout.ChartDirectory)
    {
        var schemaErrors = lint.Errors
            .SelectMany(error => error.Split('\n'))
            .Select(line => SchemaError().Match(line.Trim()))
            .Where(match => match.Success)
            .Select(match => (Pointer: match.Groups["pointer"].Value, Message: match.Groups["message"].Value))
            .Distinct()
            .ToList();
        foreach (var (pointer, message) in schemaErrors)
        {
            var path = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Unescape).ToList();
            if (AdditionalProperty().Match(message) is { Success: true } extra)
            {
                path.Add(extra.Groups["name"].Value);
            }

            var where = pointer.Length == 0 ? "values" : pointer.TrimStart('/').Replace('/', '.');
            context.Sink.Add(environment, values.Path, values.LineOf([.. path]), RuleIds.ValuesSchema,
                $"values schema: {where}: {message}");
        }

        foreach (var error in lint.Errors.Where(error => !error.Contains("- at '", StringComparison.Ordinal)))
        {
            var (file, line) = Locate(error, values.Path, chartLabel);
            context.Sink.Add(environment, file, line, RuleIds.ChartRender, $"helm lint: {HelmOutput.ErrorSummary(error)}");
        }
    }

    /// <summary>Where a helm error points: "templates/x.yaml:12" or "template: chart/templates/x.yaml:12:3" inside it.</summary>
    public static (string File, int Line) Locate(string error, string fallbackFile, string chartLabel = EnvironmentLayout.ChartDirectory)
    {
        var match = TemplateReference().Match(error);
        return match.Success
            ? ($"{chartLabel}/{match.Groups["path"].Value}", int.Parse(match.Groups["line"].ValueSpan, provider: null))
            : (fallbackFile, 1);
    }

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    [GeneratedRegex(@"^- at '(?<pointer>[^']*)': (?<message>.+)$")]
    private static partial Regex SchemaError();

    [GeneratedRegex(@"additional propert(y|ies) '(?<name>[^']+)'")]
    private static partial Regex AdditionalProperty();

    [GeneratedRegex(@"(?<path>templates/[^\s:]+):(?<line>\d+)")]
    private static partial Regex TemplateReference();
}
