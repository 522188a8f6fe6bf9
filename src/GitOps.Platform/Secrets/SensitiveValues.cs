namespace GitOps.Platform.Secrets;

/// <summary>
/// What loading found. <see cref="Variables"/> is what to add to child processes' environments (all values are
/// registered as secrets already); the key lists say where each came from. ToString shows keys only.
/// </summary>
public sealed class SensitiveValues(
    IReadOnlyDictionary<string, string> variables,
    IReadOnlyList<string> fromDotEnv,
    IReadOnlyList<string> fromGitLab,
    bool gitLabSkipped,
    IReadOnlyList<string>? unreadable = null)
{
    public IReadOnlyDictionary<string, string> Variables { get; } = variables;

    public IReadOnlyList<string> FromDotEnv { get; } = fromDotEnv;

    public IReadOnlyList<string> FromGitLab { get; } = fromGitLab;

    /// <summary>
    /// GitLab variables that apply here but whose value GitLab does not return ("masked and hidden") and that are not
    /// set locally: they are not in <see cref="Variables"/> at all, never as an empty value.
    /// </summary>
    public IReadOnlyList<string> Unreadable { get; } = unreadable ?? [];

    /// <summary>True in pipeline mode, where the runner already provides the CI/CD variables.</summary>
    public bool GitLabSkipped { get; } = gitLabSkipped;

    /// <summary>The process environment with these values laid over it: what a child process will see.</summary>
    public IReadOnlyDictionary<string, string?> Over(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var merged = new Dictionary<string, string?>(environment, StringComparer.Ordinal);
        foreach (var (key, value) in Variables)
        {
            merged[key] = value;
        }

        return merged;
    }

    public override string ToString() =>
        $"{Variables.Count} variable(s): {FromDotEnv.Count} from .env, {FromGitLab.Count} from GitLab{(Unreadable.Count > 0 ? $", {Unreadable.Count} unreadable" : string.Empty)}{(GitLabSkipped ? " (skipped in pipeline mode)" : string.Empty)}";
}
