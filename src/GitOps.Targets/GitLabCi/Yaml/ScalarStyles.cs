using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace GitOps.Targets.GitLabCi.Yaml;

/// <summary>
/// Picks how a string is written so every YAML reader (1.1 and 1.2, GitLab's Ruby Psych included) reads it back as
/// the same string: plain when that is unambiguous, single quotes otherwise, literal blocks for multi-line text.
/// </summary>
internal static partial class ScalarStyles
{
    // YAML 1.1 resolves these to booleans or null; GitLab's parser is YAML 1.1, so "on" or "no" would stop being text.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", "<<", "=",
    };

    public static ScalarStyle For(string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            return ScalarStyle.Literal;
        }

        return NeedsQuotes(value) ? ScalarStyle.SingleQuoted : ScalarStyle.Plain;
    }

    private static bool NeedsQuotes(string value) =>
        value.Length == 0
        || Reserved.Contains(value)
        || NumberLike().IsMatch(value)
        || char.IsWhiteSpace(value[0])
        || char.IsWhiteSpace(value[^1])
        || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal)
        || value.EndsWith(':')
        || value.Contains(": ", StringComparison.Ordinal)
        || value.Contains(" #", StringComparison.Ordinal)
        || value.Any(char.IsControl);

    // Anything a resolver might take for a number or a date: ints, floats, octal/hex, versions (1.10 would become 1.1),
    // 2024-01-01, 12:30 (base 60 in YAML 1.1), .inf. Text such as "1h 30m" or "3rd" has other letters and stays plain.
    [GeneratedRegex(@"^([-+]?\.?[0-9][-+0-9a-f._:xoetz ]*|[-+]?\.(inf|nan))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();
}
