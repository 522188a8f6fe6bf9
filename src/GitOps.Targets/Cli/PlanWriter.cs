using System.Text;
using GitOps.Targets.Planning;

namespace GitOps.Targets.Cli;

/// <summary><c>--plan</c>: the execution order as text, and the graph as Mermaid (--> depends, -.-> orders, ==> triggers).</summary>
internal static class PlanWriter
{
    public static string Text(ExecutionPlan plan)
    {
        var text = new StringBuilder("Execution plan:").AppendLine();
        var number = 1;
        foreach (var target in plan.Targets)
        {
            text.Append($"  {number++,2}. {target.Name}");
            if (target.SkipReason is { } reason)
            {
                text.Append($"  (skipped: {reason})");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    public static string Mermaid(ExecutionPlan plan)
    {
        var text = new StringBuilder("graph LR").Append('\n');
        var names = plan.Targets.Select(target => target.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var target in plan.Targets)
        {
            text.Append($"  {target.Name}").Append(target.IsSkipped ? ":::skipped" : string.Empty).Append('\n');
            foreach (var dependency in target.Node.DependsOn.Where(names.Contains))
            {
                text.Append($"  {dependency} --> {target.Name}\n");
            }

            foreach (var earlier in target.Node.After.Where(names.Contains))
            {
                text.Append($"  {earlier} -.-> {target.Name}\n");
            }

            foreach (var triggered in target.Node.Triggers.Where(names.Contains))
            {
                text.Append($"  {target.Name} ==> {triggered}\n");
            }
        }

        return text.Append("  classDef skipped stroke-dasharray: 4 4\n").ToString();
    }
}
