using GitOps.Targets.Errors;
using GitOps.Targets.Text;

namespace GitOps.Targets.Cli;

/// <summary>
/// The parsed command line: <c>[targets] [--option [values...]]...</c>. Options are kept by their normalized name;
/// the engine's own options are pulled out, everything else is bound to parameters.
/// </summary>
internal sealed record CommandLine(IReadOnlyList<string> Targets, IReadOnlyList<CommandLineOption> Options)
{
    public static readonly IReadOnlyList<string> EngineOptions =
        ["help", "plan", "skip", "target", "root", "verbosity", "no-logo", "profile", "parallel"];

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var targets = new List<string>();
        var options = new List<CommandLineOption>();
        CommandLineOption? current = null;
        foreach (var arg in args)
        {
            if (arg is "-h" or "-?" or "/?")
            {
                current = new CommandLineOption("help", []);
                options.Add(current);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var (name, inline) = Split(arg[2..]);
                var option = new CommandLineOption(name, inline is null ? [] : [inline]) { Inline = inline is not null };
                options.Add(option);
                // --name=value is complete: the words after it are targets again.
                current = inline is null ? option : null;
            }
            else if (arg.Length > 1 && arg[0] == '-' && arg[1] != '-' && char.IsAsciiLetter(arg[1]))
            {
                // -x is an option typed the old scripts' way, not a target; "-5s" stays a value (refused as one).
                current = new CommandLineOption(arg[1..], []) { SingleDash = true };
                options.Add(current);
            }
            else if (current is null)
            {
                targets.AddRange(SplitTargets(arg));
            }
            else
            {
                current.Values.Add(arg);
            }
        }

        return new CommandLine(targets, options);
    }

    /// <summary>Options that never take values: words after them are target names.</summary>
    public static readonly IReadOnlyList<string> EngineFlags = ["help", "plan", "no-logo"];

    /// <summary>
    /// Gives words typed after a flag back to the targets (<c>--plan OpenPromotionMR</c>, <c>--force Test</c>):
    /// flags take no value, boolean parameters only a boolean word, <c>--parallel</c> anything but a target name (so
    /// <c>--parallel 99999999999</c> is refused as a count, not reported as an unknown target). A value typed as
    /// <c>--name=value</c> is never given back: it is checked as the option's value, so <c>--force=off</c> means false
    /// and <c>--force=maybe</c> is refused, instead of either becoming a target.
    /// </summary>
    public CommandLine WithFlags(IEnumerable<string> booleanParameters, IReadOnlyCollection<string> targetNames)
    {
        var isTarget = targetNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var booleans = booleanParameters.Select(KebabCase.Normalize).ToHashSet(StringComparer.Ordinal);
        var flags = EngineFlags.Select(KebabCase.Normalize).ToHashSet(StringComparer.Ordinal);
        var targets = Targets.ToList();
        var options = new List<CommandLineOption>();
        foreach (var option in Options)
        {
            if (option.Inline && flags.Contains(option.Key))
            {
                throw new UsageException($"--{option.Name} takes no value, got '--{option.Name}={option.Values[0]}'; write --{option.Name} alone.");
            }

            var keep = option.Inline ? option.Values
                : option.Key == KebabCase.Normalize("parallel") ? option.Values.Take(1).Where(value => !SplitTargets(value).Any(isTarget.Contains)).ToList()
                : flags.Contains(option.Key) ? []
                : booleans.Contains(option.Key) ? option.Values.Take(1).Where(value => Parameters.ValueConverter.BooleanValues.Contains(value, StringComparer.OrdinalIgnoreCase)).ToList()
                : option.Values;
            targets.AddRange(option.Values.Skip(keep.Count).SelectMany(SplitTargets));
            options.Add(option with { Values = [.. keep] });
        }

        return new CommandLine(targets, options);
    }

    public static IEnumerable<string> SplitTargets(string text) => text.Split('+', StringSplitOptions.RemoveEmptyEntries);

    public bool Has(string option) => All(option).Count > 0;

    /// <summary>Every occurrence of <paramref name="option"/>, in the order typed.</summary>
    public IReadOnlyList<CommandLineOption> All(string option) =>
        [.. Options.Where(candidate => candidate.Key == KebabCase.Normalize(option))];

    /// <summary>
    /// The one occurrence of a single-valued option, or null. Given twice it is refused: taking the last of
    /// <c>--stage dev --stage prod</c> would act on whichever the user typed last, not on what they meant.
    /// </summary>
    /// <param name="option">The option's name.</param>
    /// <param name="showValues">False for secrets: the error must not repeat them.</param>
    public CommandLineOption? Find(string option, bool showValues = true)
    {
        var found = All(option);
        if (found.Count <= 1)
        {
            return found.Count == 0 ? null : found[0];
        }

        var typed = showValues ? $" ({string.Join(", ", found.Select(Typed))})" : string.Empty;
        throw new UsageException($"--{found[0].Name} is given {found.Count} times{typed}; it takes one value: give it once.");
    }

    public string? Single(string option)
    {
        var found = Find(option);
        if (found is null)
        {
            return null;
        }

        return found.Values.Count == 1
            ? found.Values[0]
            : throw new UsageException($"--{option} takes one value, got {(found.Values.Count == 0 ? "none" : string.Join(' ', found.Values))}.");
    }

    private static string Typed(CommandLineOption option) =>
        option.Inline ? $"--{option.Name}={option.Values[0]}" : string.Join(' ', [$"--{option.Name}", .. option.Values]);

    private static (string Name, string? Inline) Split(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? (text[..equals], text[(equals + 1)..]) : (text, null);
    }
}
