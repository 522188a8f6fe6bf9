using GitOps.Targets.Definition;

namespace GitOps.Targets.Planning;

/// <summary>
/// One target, immutable once the graph is built. Inverse relations (DependentFor, TriggeredBy, Before) are already
/// folded into the targets they point at, so every edge here reads "this node comes after those".
/// </summary>
internal sealed record TargetNode(string Name, int Index)
{
    public string? Description { get; init; }

    public IReadOnlyList<string> DependsOn { get; init; } = [];

    public IReadOnlyList<string> After { get; init; } = [];

    public IReadOnlyList<string> Triggers { get; init; } = [];

    public IReadOnlyList<Requirement> Requirements { get; init; } = [];

    public IReadOnlyList<ToolRequirement> Tools { get; init; } = [];

    public IReadOnlyList<Condition> StaticConditions { get; init; } = [];

    public IReadOnlyList<Condition> DynamicConditions { get; init; } = [];

    public IReadOnlyList<Func<CancellationToken, Task>> Actions { get; init; } = [];

    public bool ProceedAfterFailure { get; init; }

    public bool AssuredAfterFailure { get; init; }

    public bool Unlisted { get; init; }
}
