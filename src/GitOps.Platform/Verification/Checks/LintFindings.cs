using System.Text.RegularExpressions;
using GitOps.Platform.Environments;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Turns helm's errors into findings. Schema violations name a JSON pointer into the values
/// (<c>- at '/deployedRelease': ...</c>), so they are reported at that key's line in the values file.
/// </summary>
internal static partial class LintFindings
{
    /// <summary>
    /// Reports the values-schema violations among helm's error lines (<c>helm template</c>'s or <c>helm lint</c>'s;
    /// both run the same schema validation) and returns how many there were.
    /// </summary>
    public static int ReportSchemaErrors(VerificationContext context, EnvironmentId environment, YamlFile values, IEnumerable<string> errors)
    {
        var schemaErrors = errors
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

        return schemaErrors.Count;
    }

    /// <summary>Whether a <c>helm lint</c> error is a values-schema violation, which <c>helm template</c> reports as well.</summary>
    public static bool IsSchemaError(string error) => error.Contains("- at '", StringComparison.Ordinal);

    /// <summary>Where a helm error points: "templates/x.yaml:12" or "template: chart/templates/x.yaml:12:3" inside it.</summary>
    // chartLabel: how findings name the chart (StageChart.Label: "<sha>:charts/app-of-apps" for a pinned one that differs).
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
