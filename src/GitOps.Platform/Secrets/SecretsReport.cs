using GitOps.Targets.Output;

namespace GitOps.Platform.Secrets;

/// <summary>
/// For newcomers: which of the variables in <c>environments/env.template</c> are set, from where, and which required
/// ones are missing. Secret values are shown as <c>***</c>; only values the template marks as not secret are shown.
/// </summary>
public sealed class SecretsReport
{
    private SecretsReport(IReadOnlyList<SecretsReportLine> lines) => Lines = lines;

    public IReadOnlyList<SecretsReportLine> Lines { get; }

    public IReadOnlyList<string> MissingRequired => [.. Lines.Where(line => line.Required && !line.IsSet).Select(line => line.Key)];

    public static SecretsReport Create(EnvTemplate template, IReadOnlyDictionary<string, string?> environment, SensitiveValues? loaded = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(environment);
        var lines = template.Variables.Select(variable =>
        {
            var (source, value) = Find(variable.Key, environment, loaded);
            var shown = value is null ? string.Empty : variable.Secret ? SecretMasker.Mask : value;
            return new SecretsReportLine(variable.Key, source, shown, variable.Required, variable.Description);
        });
        return new SecretsReport([.. lines]);
    }

    public void WriteTo(ILog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var width = Lines.Count == 0 ? 0 : Lines.Max(line => line.Key.Length);
        foreach (var line in Lines)
        {
            var text = line.IsSet
                ? $"set      {line.Key.PadRight(width)}  {line.Shown}  ({line.Source})"
                : $"missing  {line.Key.PadRight(width)}  {(line.Required ? "required" : "optional")}: {line.Description}";
            log.Write(line.IsSet ? LogLevel.Info : line.Required ? LogLevel.Warning : LogLevel.Info, text);
        }

        var missing = MissingRequired;
        if (missing.Count == 0)
        {
            log.Success($"All {Lines.Count(line => line.Required)} required variables are set");
        }
        else
        {
            log.Warning($"Missing required: {string.Join(", ", missing)}; set them in .env (see environments/env.template)");
        }
    }

    private static (string? Source, string? Value) Find(
        string key, IReadOnlyDictionary<string, string?> environment, SensitiveValues? loaded)
    {
        if (environment.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value))
        {
            return ("environment", value);
        }

        if (loaded is not null && loaded.Variables.TryGetValue(key, out var loadedValue))
        {
            return (loaded.FromDotEnv.Contains(key) ? ".env" : "GitLab", loadedValue);
        }

        return (null, null);
    }
}
