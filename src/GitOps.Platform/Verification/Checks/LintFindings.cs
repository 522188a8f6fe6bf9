using System.Text.RegularExpressions;
using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

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
            var where = pointer.Length == 0 ? "values" : pointer.TrimStart('/').Replace('/', '.');
            if (AdditionalProperty().Match(message) is { Success: true } extra)
            {
                path.Add(extra.Groups["name"].Value);
            }
            else if (PropertyNamePath(values, path, message) is { } key)
            {
                path = key;
                where = key.Count > 1 ? string.Join('.', key.SkipLast(1)) : "values";
            }

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

    /// <summary>
    /// helm's schema library reports a key that breaks <c>propertyNames</c> at <c>''</c>, the whole document, not at the
    /// mapping holding it ("invalid propertyName 'Bad_Name'", then "'Bad_Name' does not match pattern"). A mapping has no
    /// pattern of its own, so a quoted name there is a key below it: the first such key, in document order, is the one meant.
    /// </summary>
    private static List<string>? PropertyNamePath(YamlFile values, List<string> pointer, string message)
    {
        if (PropertyName().Match(message) is not { Success: true } quoted || values.Root.At([.. pointer]) is not YamlMappingNode mapping)
        {
            return null;
        }

        return FindKey(mapping, quoted.Groups["name"].Value) is { } below ? [.. pointer, .. below] : null;
    }

    private static List<string>? FindKey(YamlMappingNode mapping, string name)
    {
        foreach (var (key, value) in mapping.Children)
        {
            if (key.Text() == name)
            {
                return [name];
            }

            if (value is YamlMappingNode inner && key.Text() is { } text && FindKey(inner, name) is { } below)
            {
                return [text, .. below];
            }
        }

        return null;
    }

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    [GeneratedRegex(@"^- at '(?<pointer>[^']*)': (?<message>.+)$")]
    private static partial Regex SchemaError();

    [GeneratedRegex(@"additional propert(y|ies) '(?<name>[^']+)'")]
    private static partial Regex AdditionalProperty();

    [GeneratedRegex(@"^(invalid propertyName '(?<name>[^']+)'|'(?<name>[^']+)' does not match pattern)")]
    private static partial Regex PropertyName();

    [GeneratedRegex(@"(?<path>templates/[^\s:]+):(?<line>\d+)")]
    private static partial Regex TemplateReference();
}
