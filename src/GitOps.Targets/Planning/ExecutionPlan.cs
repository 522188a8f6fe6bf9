namespace GitOps.Targets.Planning;

/// <summary>The targets to consider, in execution order; immutable once planned.</summary>
internal sealed record ExecutionPlan(IReadOnlyList<PlannedTarget> Targets)
{
    public PlannedTarget? Find(string name) =>
        Targets.FirstOrDefault(target => string.Equals(target.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Names within the plan that must finish before <paramref name="target"/> starts.</summary>
    public IEnumerable<string> PredecessorsOf(TargetNode target, TargetGraph graph) =>
        Planning.CycleDetector.Predecessors(graph, target).Where(name => Find(name) is not null).Distinct(StringComparer.OrdinalIgnoreCase);
}
