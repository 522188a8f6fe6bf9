namespace GitOps.Targets.Definition;

/// <summary>A condition with the user's own expression text, quoted when it skips a target.</summary>
internal sealed record Condition(Func<bool> Evaluate, string Expression);
