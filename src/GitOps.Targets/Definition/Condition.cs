namespace GitOps.Targets.Definition;

/// <summary>A condition with the user's own expression text, quoted when it skips a target.</summary>
internal sealed record Condition(Func<bool> Evaluate, string Expression)
{
    /// <summary>What a skip says: the author's words when given, else the condition's source text.</summary>
    public string SkipReason { get; init; } = Expression;
}
