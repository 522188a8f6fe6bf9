using System.Text;
using GitOps.Targets.Parameters;
using GitOps.Targets.Planning;

namespace GitOps.Targets.Cli;

/// <summary><c>--help</c>: targets with description and direct dependencies, then parameters with type and current value.</summary>
internal static class HelpWriter
{
    private const int DescriptionColumn = 32;

    public static string Write(string title, TargetGraph graph, string defaultTarget, IReadOnlyList<ParameterValue> parameters)
    {
        var text = new StringBuilder();
        text.AppendLine(title).AppendLine();
        text.AppendLine($"Usage: {EntryPoint.Command} [targets] [--parameter value ...]").AppendLine();
        text.AppendLine("Targets (with their direct dependencies):");
        // Alphabetical: declaration order spreads over partial files and means nothing to a reader.
        foreach (var node in graph.Nodes.Where(node => !node.Unlisted).OrderBy(node => node.Name, StringComparer.OrdinalIgnoreCase))
        {
            var name = node.Name + (string.Equals(node.Name, defaultTarget, StringComparison.Ordinal) ? " (default)" : string.Empty);
            text.Append("  ").AppendLine((name.PadRight(DescriptionColumn - 2) + node.Description).TrimEnd());
            if (node.DependsOn.Count > 0)
            {
                text.Append(' ', DescriptionColumn).Append("-> ").AppendLine(string.Join(", ", node.DependsOn));
            }
        }

        text.AppendLine().AppendLine("Parameters (command line, then environment variable, then .nuke/parameters[.<profile>].json):");
        foreach (var value in parameters)
        {
            var parameter = value.Parameter;
            var flag = $"{parameter.Flag} <{parameter.TypeName}>";
            text.Append("  ").Append(flag.PadRight(DescriptionColumn - 2));
            if (flag.Length > DescriptionColumn - 3)
            {
                text.AppendLine().Append(' ', DescriptionColumn);
            }

            text.AppendLine(parameter.Description);
            var source = parameter.CommandLineOnly ? "command line only"
                : parameter.NotFromPipelineVariables ? $"env {parameter.EnvironmentVariable} outside pipelines only"
                : "env " + parameter.EnvironmentVariable;
            text.Append(' ', DescriptionColumn).Append(source).Append("; ").AppendLine(Current(value));
        }

        if (parameters.Any(value => value.Parameter.NotFromPipelineVariables))
        {
            text.AppendLine().AppendLine("\"Outside pipelines only\": in a pipeline (GITLAB_CI=true or --pipeline) these are read from the command line or")
                .AppendLine(".nuke/parameters.json only, and a variable setting them is refused: they choose what runs or which credentials are used,")
                .AppendLine("and GitLab lets trigger and API variables override every variable.");
        }

        text.AppendLine().AppendLine("Engine options:");
        foreach (var (option, description) in EngineOptions)
        {
            text.Append("  ").Append(option.PadRight(DescriptionColumn - 2)).AppendLine(description);
        }

        return text.ToString();
    }

    private static string Current(ParameterValue value)
    {
        if (value.Source == ParameterSource.Default)
        {
            return value.Value is null or string { Length: 0 } or Array { Length: 0 } ? "not set" : $"default {Show(value)}";
        }

        var from = value.Source switch
        {
            ParameterSource.CommandLine => "command line",
            ParameterSource.EnvironmentVariable => "environment",
            _ => value.Origin,
        };
        return $"{Show(value)} (from {from})";
    }

    private static string Show(ParameterValue value) => value.Parameter.IsSecret ? "***" : ValueText.Format(value.Value);

    private static readonly (string, string)[] EngineOptions =
    [
        ("--help, -h", "Show this help."),
        ("--plan", "Show the execution order; writes a Mermaid graph to .nuke/temp/plan.mmd. Checks the given values and the local files they name as the run would (exit 2), contacts no server."),
        ("--skip [targets]", "Skip the named targets; bare --skip skips every target not named on the command line."),
        ("--target <targets>", "Targets to run (same as naming them first)."),
        ("--parallel [n]", "Run independent targets in parallel (n at a time; bare: processor count)."),
        ("--profile <name>", "Also read .nuke/parameters.<name>.json."),
        ("--root <dir>", "Repository root (default: where .nuke/ is)."),
        ("--verbosity <level>", "quiet, minimal, normal (default) or verbose."),
        ("--no-logo", "Do not print the banner."),
    ];
}
