using GitOps.Targets.Errors;
using GitOps.Targets.Planning;

namespace GitOps.Targets.Cli;

/// <summary>The engine's own options read from the command line: targets, --skip, --parallel, --verbosity.</summary>
internal static class EngineOptions
{
    public static List<string> RequestedTargets(CommandLine commandLine, string defaultTarget)
    {
        var named = commandLine.Targets.Concat((commandLine.Find("target")?.Values ?? []).SelectMany(CommandLine.SplitTargets)).ToList();
        return named.Count > 0 ? named : [defaultTarget];
    }

    public static SkipRequest Skip(CommandLine commandLine) => commandLine.Find("skip") switch
    {
        null => SkipRequest.None,
        { Values.Count: 0 } => new SkipRequest(true, []),
        var option => new SkipRequest(false, [.. option.Values.SelectMany(value => value.Split([',', '+'], StringSplitOptions.RemoveEmptyEntries))]),
    };

    public static int Parallelism(CommandLine commandLine) => commandLine.Find("parallel") switch
    {
        null => 1,
        { Values.Count: 0 } => Environment.ProcessorCount,
        var option => int.TryParse(option.Values[^1], out var count) && count > 0
            ? count
            : throw new UsageException($"--parallel takes a positive number of targets, got '{option.Values[^1]}'."),
    };

    public static Output.Verbosity Verbosity(CommandLine commandLine)
    {
        var text = commandLine.Single("verbosity");
        return text is null ? Output.Verbosity.Normal
            : Enum.GetNames<Output.Verbosity>().FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse<Output.Verbosity>(name)
            : throw new UsageException($"--verbosity: '{text}' is not allowed; allowed values: quiet, minimal, normal, verbose.");
    }
}
