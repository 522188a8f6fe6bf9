using System.Text.RegularExpressions;

namespace GitOps.Platform.GitLab.Variables;

/// <summary>
/// GitLab's <c>environment_scope</c> rules: <c>*</c> matches every environment, a plain name matches itself, and a
/// scope with wildcards (<c>review/*</c>) matches by pattern. When several variables share a key, the most specific
/// matching scope wins: an exact name, then the wildcard scope with the most literal characters, then <c>*</c>.
/// </summary>
internal static class EnvironmentScope
{
    private const string All = "*";

    public static IReadOnlyList<GitLabVariable> Resolve(IEnumerable<GitLabVariable> variables, string? environment) =>
        [.. variables
            .Where(variable => Matches(variable.EnvironmentScope, environment))
            .GroupBy(variable => variable.Key, StringComparer.Ordinal)
            .Select(group => group.MaxBy(variable => Specificity(variable.EnvironmentScope, environment))!)];

    public static bool Matches(string? scope, string? environment)
    {
        scope = string.IsNullOrEmpty(scope) ? All : scope;
        if (scope == All)
        {
            return true;
        }

        if (string.IsNullOrEmpty(environment))
        {
            return false;
        }

        if (!scope.Contains('*', StringComparison.Ordinal))
        {
            return string.Equals(scope, environment, StringComparison.Ordinal);
        }

        var pattern = "^" + Regex.Escape(scope).Replace(@"\*", ".*", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(environment, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public static int Specificity(string? scope, string? environment)
    {
        scope = string.IsNullOrEmpty(scope) ? All : scope;
        if (scope == All)
        {
            return 0;
        }

        return string.Equals(scope, environment, StringComparison.Ordinal)
            ? int.MaxValue
            : 1 + scope.Count(character => character != '*');
    }
}
