namespace GitOps.Platform.ArgoCd;

/// <summary>An Application that did not go away: what still holds it and what Argo CD says about it.</summary>
public sealed record StuckApplication(string Name, IReadOnlyList<string> Finalizers, string? DeletionTimestamp, IReadOnlyList<ArgoCondition> Conditions)
{
    public static StuckApplication From(ArgoApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new StuckApplication(application.Name, application.Finalizers, application.DeletionTimestamp, application.Conditions);
    }

    public override string ToString() =>
        $"{Name} (finalizers: {(Finalizers.Count == 0 ? "none" : string.Join(", ", Finalizers))}; "
        + $"deletionTimestamp: {DeletionTimestamp ?? "not set"}; "
        + $"conditions: {(Conditions.Count == 0 ? "none" : string.Join(" | ", Conditions))})";
}
