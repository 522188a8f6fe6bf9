using GitOps.Targets.Errors;

namespace GitOps.Targets.Planning;

/// <summary>Finds every cycle in the declared graph (dependencies, ordering and triggers) and names each as a path.</summary>
internal static class CycleDetector
{
    public static void ThrowOnCycles(TargetGraph graph)
    {
        var cycles = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var path = new List<string>();
        foreach (var node in graph.Nodes)
        {
            Visit(graph, node, state, path, cycles);
        }

        if (cycles.Count > 0)
        {
            throw new UsageException("Circular dependencies between targets:" + Environment.NewLine
                + string.Join(Environment.NewLine, cycles.Select(cycle => "  " + cycle)));
        }
    }

    /// <summary>Edges point from a target to the targets that must come before it.</summary>
    public static IEnumerable<string> Predecessors(TargetGraph graph, TargetNode node) =>
        node.DependsOn.Concat(node.After)
            .Concat(graph.Nodes.Where(other => other.Triggers.Contains(node.Name, StringComparer.OrdinalIgnoreCase)).Select(other => other.Name));

    private static void Visit(TargetGraph graph, TargetNode node, Dictionary<string, int> state, List<string> path, List<string> cycles)
    {
        // 1 = on the current path, 2 = done.
        if (state.TryGetValue(node.Name, out var seen))
        {
            if (seen == 1)
            {
                var start = path.FindIndex(name => string.Equals(name, node.Name, StringComparison.OrdinalIgnoreCase));
                cycles.Add(string.Join(" -> ", path.Skip(start).Append(node.Name)));
            }

            return;
        }

        state[node.Name] = 1;
        path.Add(node.Name);
        foreach (var predecessor in Predecessors(graph, node))
        {
            Visit(graph, graph[predecessor], state, path, cycles);
        }

        path.RemoveAt(path.Count - 1);
        state[node.Name] = 2;
    }
}
