using System.Collections;
using GitOps.Targets.Cli;
using GitOps.Targets.Errors;
using GitOps.Targets.Output;
using GitOps.Targets.Text;

namespace GitOps.Targets.Parameters;

/// <summary>
/// Sets every declared parameter from the highest source that has it: command line, environment variable,
/// <c>.nuke/parameters.&lt;profile&gt;.json</c>, <c>.nuke/parameters.json</c>, else the member's initial value.
/// </summary>
internal sealed class ParameterBinder(IReadOnlyList<ParameterDescriptor> parameters, ISecretRegistry secrets)
{
    public IReadOnlyList<ParameterValue> Bind(
        object build, CommandLine commandLine, IDictionary environment, string nukeDirectory, string? profile)
    {
        RejectUnknownOptions(commandLine);
        var environmentByKey = NormalizeEnvironment(environment);
        if (profile is not null && (profile.Length == 0 || !profile.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || profile.StartsWith('.')))
        {
            throw new UsageException($"--profile {profile}: a profile is a name such as ci (letters, digits, '-', '_', '.'); it reads .nuke/parameters.<name>.json.");
        }

        var baseFile = LoadFile(nukeDirectory, "parameters.json", required: false);
        var profileFile = profile is null ? null : LoadFile(nukeDirectory, $"parameters.{profile}.json", required: true);
        RejectUnknownKeys(baseFile);
        RejectUnknownKeys(profileFile);

        var bound = new List<ParameterValue>();
        foreach (var parameter in parameters)
        {
            var key = KebabCase.Normalize(parameter.Name);
            var value = parameter.CommandLineOnly
                ? FromCommandLine(parameter, commandLine)
                : FromCommandLine(parameter, commandLine)
                    ?? FromEnvironment(parameter, environmentByKey, key)
                    ?? FromFile(parameter, profileFile, key, ParameterSource.ProfileFile)
                    ?? FromFile(parameter, baseFile, key, ParameterSource.ParametersFile);
            if (value is not null)
            {
                parameter.SetValue(build, value.Value);
            }

            var result = value ?? new ParameterValue(parameter, parameter.GetValue(build), ParameterSource.Default, null);
            if (parameter.IsSecret && result.Value is string secret)
            {
                secrets.Register(secret);
            }

            bound.Add(result);
        }

        return bound;
    }

    /// <summary>
    /// <c>-stage</c> means <c>--stage</c>; a single letter is ambiguous, so the options it starts (the first three, by
    /// name) are named, rather than the nearest by spelling (for <c>-x</c> that would be any short name).
    /// </summary>
    private static string SingleDashHint(string name, IReadOnlyList<string> known)
    {
        IReadOnlyList<string> candidates = name.Length > 1
            ? Suggestion.Closest(name, known) is { } closest ? [closest] : []
            : [.. known.Where(option => option.StartsWith(name, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(3)];
        if (candidates.Count == 0)
        {
            return name.Length == 1 ? $"; no option starts with '{name}'." : ".";
        }

        var quoted = candidates.Select(candidate => $"'--{candidate}'").ToList();
        var list = quoted.Count == 1 ? quoted[0] : $"{string.Join(", ", quoted.SkipLast(1))} or {quoted[^1]}";
        return $". Did you mean {list}?";
    }

    private void RejectUnknownOptions(CommandLine commandLine)
    {
        var known = parameters.Select(parameter => parameter.Name).Concat(CommandLine.EngineOptions).ToList();
        var knownKeys = known.Select(KebabCase.Normalize).ToHashSet(StringComparer.Ordinal);
        foreach (var option in commandLine.Options.Where(option => !knownKeys.Contains(option.Key)))
        {
            if (option.SingleDash)
            {
                throw new UsageException($"Unknown option '-{option.Name}': options start with two dashes (--name value){SingleDashHint(option.Name, known)} Run {Cli.EntryPoint.Command} --help to list the parameters.");
            }

            var hint = Suggestion.Closest(option.Name, known) is { } closest ? $" Did you mean '--{closest}'?" : string.Empty;
            throw new UsageException($"Unknown parameter '--{option.Name}'.{hint} Run {Cli.EntryPoint.Command} --help to list the parameters.");
        }
    }

    private void RejectUnknownKeys(ParametersFile? file)
    {
        if (file is null)
        {
            return;
        }

        var known = parameters.ToDictionary(parameter => KebabCase.Normalize(parameter.Name), parameter => parameter.Name);
        foreach (var entry in file.Entries.Values.Where(entry => !known.ContainsKey(KebabCase.Normalize(entry.Name))))
        {
            throw new UsageException($"{file.Path}:{entry.Line}: unknown parameter '{entry.Name}'.{Suggestion.DidYouMean(entry.Name, known.Values)}");
        }

    }

    /// <summary>A list-valued parameter collects every occurrence (<c>--names a --names b</c>); any other takes one.</summary>
    private static ParameterValue? FromCommandLine(ParameterDescriptor parameter, CommandLine commandLine)
    {
        IReadOnlyList<string>? values = parameter.IsArray
            ? commandLine.All(parameter.Name) is { Count: > 0 } all ? [.. all.SelectMany(option => option.Values)] : null
            : commandLine.Find(parameter.Name, showValues: !parameter.IsSecret)?.Values;
        // "--name=" or "--name $UNSET": for text, an empty value would quietly mean "not given" (or the working directory).
        if (values is [var only] && string.IsNullOrWhiteSpace(only) && parameter.Type == typeof(string))
        {
            throw new UsageException($"{parameter.Flag} is empty; give it a value, or leave {parameter.Flag} out.");
        }

        return values is null
            ? null
            : new ParameterValue(parameter, ValueConverter.Convert(parameter, values, parameter.Flag), ParameterSource.CommandLine, parameter.Flag);
    }

    private static ParameterValue? FromEnvironment(ParameterDescriptor parameter, Dictionary<string, (string Name, string Value)> environment, string key)
    {
        if (!environment.TryGetValue(key, out var variable) || variable.Value.Length == 0)
        {
            return null;
        }

        var origin = $"environment variable {variable.Name}";
        return new ParameterValue(parameter, ValueConverter.Convert(parameter, [variable.Value], origin), ParameterSource.EnvironmentVariable, variable.Name);
    }

    private static ParameterValue? FromFile(ParameterDescriptor parameter, ParametersFile? file, string key, ParameterSource source)
    {
        if (file is null || !file.Entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        var origin = $"{file.Path}:{entry.Line}";
        return new ParameterValue(parameter, ValueConverter.Convert(parameter, entry.Values, origin), source, file.Path);
    }

    private static Dictionary<string, (string Name, string Value)> NormalizeEnvironment(IDictionary environment)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && entry.Value is string value)
            {
                result[KebabCase.Normalize(name)] = (name, value);
            }
        }

        return result;
    }

    private static ParametersFile? LoadFile(string nukeDirectory, string fileName, bool required)
    {
        var path = Path.Combine(nukeDirectory, fileName);
        var display = Path.Combine(".nuke", fileName);
        if (Directory.Exists(path))
        {
            throw new UsageException($"{display}: is a directory, not a parameters file; remove it, or make it a JSON object such as {{ \"stage\": \"dev\" }}.");
        }

        if (File.Exists(path))
        {
            try
            {
                return ParametersFile.Load(path, display);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"{display}: cannot be read: {exception.Message}", exception);
            }
        }

        if (!required)
        {
            return null;
        }

        var profiles = Directory.Exists(nukeDirectory)
            ? Directory.GetFiles(nukeDirectory, "parameters.*.json").Select(file => Path.GetFileName(file)["parameters.".Length..^".json".Length])
            : [];
        throw new UsageException($"--profile: {display} does not exist; available profiles: {string.Join(", ", profiles.DefaultIfEmpty("(none)"))}.");
    }
}
