namespace GitOps.Targets.Planning;

/// <summary>
/// Turns invoked targets into an execution plan: DependsOn and Triggers pull targets in (until nothing new is added),
/// After/Before only order; the order is topological, ties broken by declaration order.
/// </summary>
internal static class Planner
{
    public static ExecutionPlan Plan(TargetGraph graph, IReadOnlyList<TargetNode> invoked, SkipRequest skip)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var included = Closure(graph, invoked);
        var ordered = Order(graph, included);
        var invokedNames = invoked.Select(node => node.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var explicitSkips = graph.Resolve(skip.Names, "--skip").Select(node => node.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var reasons = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in ordered)
        {
            // As in NUKE, a target named on the command line is never skipped by --skip.
            if (!invokedNames.Contains(node.Name) && (skip.SkipAllNotInvoked || explicitSkips.Contains(node.Name)))
            {
                reasons[node.Name] = "--skip";
            }
            else if (node.StaticConditions.FirstOrDefault(condition => !condition.Evaluate()) is { } failed)
            {
                reasons[node.Name] = failed.SkipReason;
            }
        }

        CascadeSkips(ordered, invokedNames, reasons);
        return new ExecutionPlan([.. ordered.Select(node =>
            new PlannedTarget(node, invokedNames.Contains(node.Name), reasons.GetValueOrDefault(node.Name)))]);
    }

    private static HashSet<string> Closure(TargetGraph graph, IReadOnlyList<TargetNode> invoked)
    {
        var included = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<TargetNode>(invoked);
        while (pending.TryDequeue(out var node))
        {
            if (included.Add(node.Name))
            {
                foreach (var next in node.DependsOn.Concat(node.Triggers))
                {
                    pending.Enqueue(graph[next]);
                }
            }
        }

        return included;
    }

    private static List<TargetNode> Order(TargetGraph graph, HashSet<string> included)
    {
        var nodes = graph.Nodes.Where(node => included.Contains(node.Name)).ToList();
        var remaining = nodes.ToDictionary(
            node => node.Name,
            node => CycleDetector.Predecessors(graph, node).Where(included.Contains).ToHashSet(StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);
        var ordered = new List<TargetNode>();
        while (ordered.Count < nodes.Count)
        {
            // The graph has no cycles (checked when built), so some node is always ready.
            var ready = nodes.First(node => !ordered.Contains(node) && remaining[node.Name].Count == 0);
            ordered.Add(ready);
            foreach (var set in remaining.Values)
            {
                set.Remove(ready.Name);
            }
        }

        return ordered;
    }

    /// <summary>
    /// A target nobody invoked is skipped too when every planned target that needs it (depends on or triggers it) is
    /// skipped; repeated until nothing changes, since a trigger can sit later in the order than what it triggers.
    /// </summary>
    private static void CascadeSkips(List<TargetNode> ordered, HashSet<string> invoked, Dictionary<string, string> reasons)
    {
        int before;
        do
        {
            before = reasons.Count;
            CascadeOnce(ordered, invoked, reasons);
        }
        while (reasons.Count != before);
    }

    private static void CascadeOnce(List<TargetNode> ordered, HashSet<string> invoked, Dictionary<string, string> reasons)
    {
        for (var i = ordered.Count - 1; i >= 0; i--)
        {
            var node = ordered[i];
            if (invoked.Contains(node.Name) || reasons.ContainsKey(node.Name))
            {
                continue;
            }

            var needers = ordered.Where(other => other.DependsOn.Concat(other.Triggers)
                .Contains(node.Name, StringComparer.OrdinalIgnoreCase)).ToList();
            if (needers.Count > 0 && needers.All(other => reasons.ContainsKey(other.Name)))
            {
                reasons[node.Name] = $"only needed by skipped {string.Join(", ", needers.Select(other => other.Name))}";
            }
        }
    }
}
