namespace GitOps.Targets.GitLabCi.Generation.Internal;

/// <summary>
/// The target graph as the generator needs it: which targets must finish before a target (it depends on them, runs
/// after them, or they trigger it), and which targets one <c>./build.sh &lt;target&gt;</c> would run.
/// </summary>
internal sealed class TargetOrder
{
    private readonly Dictionary<string, TargetDescription> byName;
    private readonly Dictionary<string, List<string>> triggeredBy;

    public TargetOrder(IReadOnlyList<TargetDescription> targets)
    {
        byName = targets.ToDictionary(target => target.Name, StringComparer.Ordinal);
        triggeredBy = targets.ToDictionary(target => target.Name, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var target in targets)
        {
            foreach (var triggered in target.Triggers.Where(triggeredBy.ContainsKey))
            {
                triggeredBy[triggered].Add(target.Name);
            }
        }
    }

    public bool Contains(string target) => byName.ContainsKey(target);

    /// <summary>Targets ordered directly before <paramref name="target"/>.</summary>
    public IEnumerable<string> Predecessors(string target) =>
        byName[target].DependsOn.Concat(byName[target].After).Concat(triggeredBy[target]);

    /// <summary>
    /// The nearest members of <paramref name="lane"/> that must finish before <paramref name="target"/>: a path through
    /// targets outside the lane counts, a path through another lane member is that member's job to wait for.
    /// </summary>
    public HashSet<string> NearestBefore(string target, IReadOnlySet<string> lane)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { target };
        var pending = new Queue<string>(Predecessors(target));
        while (pending.TryDequeue(out var current))
        {
            if (!seen.Add(current) || !byName.ContainsKey(current))
            {
                continue;
            }

            if (lane.Contains(current))
            {
                found.Add(current);
                continue;
            }

            foreach (var predecessor in Predecessors(current))
            {
                pending.Enqueue(predecessor);
            }
        }

        return found;
    }

    /// <summary>What <c>./build.sh &lt;target&gt;</c> runs: the target, its dependencies and what it triggers, transitively.</summary>
    public HashSet<string> Plan(string target)
    {
        var plan = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([target]);
        while (pending.TryPop(out var current))
        {
            if (!byName.TryGetValue(current, out var description) || !plan.Add(current))
            {
                continue;
            }

            foreach (var next in description.DependsOn.Concat(description.Triggers))
            {
                pending.Push(next);
            }
        }

        return plan;
    }
}
