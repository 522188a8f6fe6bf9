namespace GitOps.Platform.GitLab;

/// <summary>
/// One project CI/CD variable as GitLab returns it. A class, not a record: a record's generated ToString would print
/// <see cref="Value"/>, and these end up in debugger views and interpolated strings.
/// </summary>
public sealed class GitLabVariable
{
    public const string FileType = "file";

    public required string Key { get; init; }

    /// <summary>
    /// Null for a "masked and hidden" variable (GitLab 17.4+): the API never returns its value, only a job's runner gets it.
    /// </summary>
    public string? Value { get; init; } = string.Empty;

    /// <summary>GitLab 17.4+ "masked and hidden": its value cannot be read back through the API (see <see cref="Value"/>).</summary>
    public bool Hidden { get; init; }

    /// <summary>The API gave no value: hidden, or an older server that suppresses it another way.</summary>
    public bool IsUnreadable => Hidden || Value is null;

    /// <summary><c>env_var</c> or <c>file</c>.</summary>
    public string VariableType { get; init; } = "env_var";

    /// <summary><c>*</c>, an environment name, or a wildcard such as <c>review/*</c>.</summary>
    public string EnvironmentScope { get; init; } = "*";

    public bool Protected { get; init; }

    public bool Masked { get; init; }

    public bool Raw { get; init; }

    public string? Description { get; init; }

    public bool IsFile => string.Equals(VariableType, FileType, StringComparison.Ordinal);

    public override string ToString() => $"{Key} (scope {EnvironmentScope}, {VariableType})";
}
