namespace GitOps.Targets.Definition;

/// <summary>The user's lambda as they would say it: <c>() => !IsPipeline</c> reads as <c>!IsPipeline</c>.</summary>
internal static class ExpressionText
{
    public static string Clean(string expression)
    {
        var text = expression.Trim();
        return text.StartsWith("()", StringComparison.Ordinal) && text.IndexOf("=>", StringComparison.Ordinal) is var arrow and > 0
            ? text[(arrow + 2)..].Trim()
            : text;
    }
}
