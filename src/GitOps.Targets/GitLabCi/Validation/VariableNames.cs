using System.Text.RegularExpressions;

namespace GitOps.Targets.GitLabCi.Validation;

/// <summary>Variable names must be usable as shell variables and dotenv keys: letters, digits, underscore.</summary>
internal static partial class VariableNames
{
    public static void Check(string owner, IReadOnlyDictionary<string, string> variables, List<string> errors)
    {
        foreach (var name in variables.Keys.Where(name => !Pattern().IsMatch(name)))
        {
            errors.Add($"{owner}: variable name '{name}' is invalid; use letters, digits and '_' and do not start with a digit");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
