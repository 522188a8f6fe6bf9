namespace GitOps.Targets.GitLabCi.Generation.Internal;

/// <summary>And-s <c>rules:if</c> expressions; an operand with <c>||</c> is parenthesised so <c>&amp;&amp;</c> cannot bind into it.</summary>
internal static class Conditions
{
    public static string All(params string?[] conditions)
    {
        var parts = conditions.Where(condition => !string.IsNullOrWhiteSpace(condition)).Select(condition => condition!.Trim()).ToList();
        return parts.Count == 1
            ? parts[0]
            : string.Join(" && ", parts.Select(part => part.Contains("||", StringComparison.Ordinal) ? $"({part})" : part));
    }
}
