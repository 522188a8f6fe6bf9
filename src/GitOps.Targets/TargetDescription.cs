namespace GitOps.Targets;

/// <summary>
/// A read-only view of one declared target, for code that reasons about the graph (CI generation, documentation):
/// its direct dependencies, the targets it runs after, and the targets it triggers.
/// </summary>
public sealed record TargetDescription(
    string Name,
    string? Description,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> After,
    IReadOnlyList<string> Triggers,
    bool Unlisted);
