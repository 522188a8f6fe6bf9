namespace GitOps.Platform.GitLab;

/// <summary>
/// The CI/CD variables that apply to one environment: <see cref="Values"/> by name (file variables as a file's path),
/// and <see cref="Unreadable"/>, the names GitLab listed without a value ("masked and hidden", GitLab 17.4+).
/// </summary>
public sealed class LoadedVariables(IReadOnlyDictionary<string, string> values, IReadOnlyList<string> unreadable)
{
    public IReadOnlyDictionary<string, string> Values { get; } = values;

    /// <summary>Sorted by name.</summary>
    public IReadOnlyList<string> Unreadable { get; } = unreadable;

    public override string ToString() => $"{Values.Count} variable(s), {Unreadable.Count} unreadable";
}
