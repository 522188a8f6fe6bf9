namespace GitOps.Platform.ArgoCd;

/// <summary>An entry of <c>status.conditions</c> (e.g. ComparisonError, DeletionError) with Argo CD's message.</summary>
public sealed record ArgoCondition(string Type, string Message)
{
    public override string ToString() => $"{Type}: {Message}";
}
