using System.Globalization;
using GitOps.Targets.Text;

namespace GitOps.Targets.Cli;

/// <summary>A parameter value as the CLI spells it (enums kebab-cased, arrays comma-separated).</summary>
internal static class ValueText
{
    public static string Format(object? value) => value switch
    {
        null => "not set",
        string text => text,
        bool flag => flag ? "true" : "false",
        Enum member => KebabCase.From(member.ToString()),
        TimeSpan duration => Parameters.Duration.Format(duration),
        Array array => string.Join(",", array.Cast<object?>().Select(Format)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
