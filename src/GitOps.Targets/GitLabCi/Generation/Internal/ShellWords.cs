using System.Text.RegularExpressions;

namespace GitOps.Targets.GitLabCi.Generation.Internal;

/// <summary>Quotes a command-line word for the job's shell: plain words stay bare, a lone variable keeps expanding.</summary>
internal static partial class ShellWords
{
    public static string Quote(string word) =>
        Plain().IsMatch(word) ? word
        : Variable().IsMatch(word) ? $"\"{word}\""
        : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    [GeneratedRegex(@"^[A-Za-z0-9._/:=@%+,-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();

    [GeneratedRegex(@"^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}
