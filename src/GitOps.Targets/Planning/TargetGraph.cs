using System.Reflection;
using GitOps.Targets.Definition;
using GitOps.Targets.Errors;
using GitOps.Targets.Text;

namespace GitOps.Targets.Planning;

/// <summary>Every target the build declares, validated whole (no unknown references, no cycles) before anything runs.</summary>
internal sealed class TargetGraph
{
    private readonly Dictionary<string, TargetNode> byName;

    public TargetGraph(IReadOnlyList<TargetNode> nodes)
    {
        Nodes = nodes;
        byName = nodes.ToDictionary(node => node.Name, StringComparer.OrdinalIgnoreCase);
        CycleDetector.ThrowOnCycles(this);
    }

    public IReadOnlyList<TargetNode> Nodes { get; }

    public TargetNode this[string name] => byName[name];

    public bool TryGet(string name, out TargetNode node) => byName.TryGetValue(name, out node!);

    /// <summary>
    /// Resolves names as typed (case-insensitive). Every unknown name is reported at once, in one line with the targets
    /// there are: <paramref name="flag"/> is the option they came from (<c>--skip</c>), or null for the targets to run.
    /// </summary>
    public IReadOnlyList<TargetNode> Resolve(IEnumerable<string> names, string? flag)
    {
        var resolved = new List<TargetNode>();
        var unknown = new List<string>();
        foreach (var name in names)
        {
            if (TryGet(name, out var node))
            {
                resolved.Add(node);
            }
            else
            {
                var closest = Suggestion.Closest(name, Nodes.Select(n => n.Name));
                unknown.Add(closest is null ? $"'{name}'" : $"'{name}' (did you mean '{closest}'?)");
            }
        }

        if (unknown.Count > 0)
        {
            var what = unknown.Count == 1 ? $"target {unknown[0]} does not exist" : $"targets {string.Join(", ", unknown)} do not exist";
            var available = AllowedValues.List(Nodes.Where(node => !node.Unlisted).Select(node => node.Name));
            throw new UsageException($"{(flag is null ? string.Empty : flag + ": ")}{what}; allowed values: {available}.");
        }

        return resolved;
    }

    public static TargetGraph FromBuild(object build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var properties = TargetProperties(build.GetType());
        var nameOf = new Dictionary<MethodInfo, string>();
        var definitions = new List<(string Name, TargetDefinition Definition)>();
        foreach (var property in properties)
        {
            var target = (Target)property.GetValue(build)!;
            nameOf[target.Method] = property.Name;
            var definition = new TargetDefinition();
            target(definition);
            definitions.Add((property.Name, definition));
        }

        string Name(Target target) => nameOf.TryGetValue(target.Method, out var name)
            ? name
            : throw new InvalidOperationException($"A target reference points at a delegate that is not a Target property of {build.GetType().Name}.");

        var dependsOn = definitions.ToDictionary(d => d.Name, d => d.Definition.Dependencies.Select(Name).ToList());
        var after = definitions.ToDictionary(d => d.Name, d => d.Definition.RunsAfter.Select(Name).ToList());
        var triggers = definitions.ToDictionary(d => d.Name, d => d.Definition.TriggersTargets.Select(Name).ToList());
        foreach (var (name, definition) in definitions)
        {
            definition.Dependents.Select(Name).ToList().ForEach(dependent => dependsOn[dependent].Add(name));
            definition.RunsBefore.Select(Name).ToList().ForEach(later => after[later].Add(name));
            definition.TriggeredByTargets.Select(Name).ToList().ForEach(trigger => triggers[trigger].Add(name));
        }

        var nodes = definitions.Select((d, index) => new TargetNode(d.Name, index)
        {
            Description = d.Definition.DescriptionText,
            DependsOn = [.. dependsOn[d.Name].Distinct()],
            After = [.. after[d.Name].Distinct()],
            Triggers = [.. triggers[d.Name].Distinct()],
            Requirements = [.. d.Definition.Requirements],
            Tools = [.. d.Definition.Tools],
            StaticConditions = [.. d.Definition.StaticConditions],
            DynamicConditions = [.. d.Definition.DynamicConditions],
            Actions = [.. d.Definition.Actions],
            ProceedAfterFailure = d.Definition.IsProceedAfterFailure,
            AssuredAfterFailure = d.Definition.IsAssuredAfterFailure,
            Unlisted = d.Definition.IsUnlisted,
        }).ToList();
        return new TargetGraph(nodes);
    }

    /// <summary>Target properties in declaration order (base classes first), as the user reads the build.</summary>
    private static List<PropertyInfo> TargetProperties(Type type)
    {
        var chain = new Stack<Type>();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            chain.Push(current);
        }

        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        return [.. chain.SelectMany(t => t.GetProperties(flags)).Where(p => p.PropertyType == typeof(Target))
            .OrderBy(p => p.DeclaringType == type ? 1 : 0).ThenBy(p => p.MetadataToken)];
    }
}
