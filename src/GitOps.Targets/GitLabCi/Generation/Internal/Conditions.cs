namespace GitOps.Targets.GitLabCi.Generation.Internal;

/// <summary>
/// And-s <c>rules:if</c> expressions; an operand with a top-level <c>||</c> is parenthesised so <c>&amp;&amp;</c>
/// cannot bind into it (GitLab, like C, binds <c>&amp;&amp;</c> tighter).
/// </summary>
internal static class Conditions
{
    public static string All(params string?[] conditions)
    {
        var parts = conditions.Where(condition => !string.IsNullOrWhiteSpace(condition)).Select(condition => condition!.Trim()).ToList();
        return parts.Count == 1 ? parts[0] : string.Join(" && ", parts.Select(part => HasTopLevelOr(part) ? $"({part})" : part));
    }

    private static bool HasTopLevelOr(string expression)
    {
        var depth = 0;
        var quote = '\0';
        for (var index = 0; index < expression.Length; index++)
        {
            var character = expression[index];
            if (quote != '\0')
            {
                quote = character == quote ? '\0' : quote;
            }
            else if (character is '"' or '\'')
            {
                quote = character;
            }
            else if (character == '(')
            {
                depth++;
            }
            else if (character == ')')
            {
                depth--;
            }
            else if (depth == 0 && character == '|' && index + 1 < expression.Length && expression[index + 1] == '|')
            {
                return true;
            }
        }

        return false;
    }
}
