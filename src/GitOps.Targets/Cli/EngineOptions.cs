using System.Globalization;
using GitOps.Targets.Errors;
using GitOps.Targets.Planning;

namespace GitOps.Targets.Cli;

/// <summary>The engine's own options read from the command line: targets, --skip, --parallel, --verbosity.</summary>
internal static class EngineOptions
{
    /// <summary>More targets at once than this only contend for the same cores and cluster.</summary>
    public const int MaxParallelism = 64;

    /// <summary>Positional names and every <c>--target</c>; a <c>--target</c> naming nothing is refused, not read as "the default".</summary>
    public static List<string> RequestedTargets(CommandLine commandLine, string defaultTarget)
    {
        var options = commandLine.All("target");
        if (options.Any(option => !option.Values.SelectMany(CommandLine.SplitTargets).Any()))
        {
            throw new UsageException($"--target needs a target name, e.g. --target {defaultTarget} (or name targets without it: {EntryPoint.Command} {defaultTarget}); run {EntryPoint.Command} --help to list them.");
        }

        var named = commandLine.Targets.Concat(options.SelectMany(option => option.Values).SelectMany(CommandLine.SplitTargets)).ToList();
        return named.Count > 0 ? named : [defaultTarget];
    }

    /// <summary><c>--skip</c> alone skips every dependency; with names (given once or several times) only those.</summary>
    public static SkipRequest Skip(CommandLine commandLine)
    {
        var options = commandLine.All("skip");
        if (options.Count == 0)
        {
            return SkipRequest.None;
        }

        if (options.SelectMany(option => option.Values).FirstOrDefault(value => SkipNames(value).Length == 0) is { } empty)
        {
            throw new UsageException($"--skip '{empty}': names no target; give target names (--skip Restore,Compile), or --skip alone to skip every dependency.");
        }

        var bare = options.Count(option => option.Values.Count == 0);
        return bare == options.Count ? new SkipRequest(true, [])
            : bare > 0 ? throw new UsageException("--skip is given both alone (skip every dependency) and with target names (skip only those); give one of the two.")
            : new SkipRequest(false, [.. options.SelectMany(option => option.Values).SelectMany(SkipNames)]);
    }

    public static int Parallelism(CommandLine commandLine) => commandLine.Find("parallel") switch
    {
        null => 1,
        { Values.Count: 0 } => Math.Min(Environment.ProcessorCount, MaxParallelism),
        // ASCII digits only: int.TryParse alone would accept " 2" and other spellings the help never promised.
        var option => option.Values[0].All(char.IsAsciiDigit)
            && int.TryParse(option.Values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxParallelism
            ? count
            : throw new UsageException($"--parallel takes how many targets run at once, a whole number from 1 to {MaxParallelism}, got '{option.Values[0]}'."),
    };

    public static Output.Verbosity Verbosity(CommandLine commandLine)
    {
        var text = commandLine.Single("verbosity");
        return text is null ? Output.Verbosity.Normal
            : Enum.GetNames<Output.Verbosity>().FirstOrDefault(name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse<Output.Verbosity>(name)
            : throw new UsageException($"--verbosity: '{text}' is not a valid value; allowed values: quiet, minimal, normal, verbose.");
    }

    private static string[] SkipNames(string value) => value.Split([',', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
