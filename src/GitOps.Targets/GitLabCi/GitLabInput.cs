namespace GitOps.Targets.GitLabCi;

/// <summary>
/// One string input of the top-level file's <c>spec:inputs</c> header (GitLab pipeline inputs). A pipeline's starter
/// passes it (trigger API <c>inputs[name]</c>, the pipelines API, a schedule, the "Run pipeline" form, a trigger job's
/// <c>trigger:inputs</c>); GitLab checks it against <see cref="Options"/> and <see cref="Regex"/> before the pipeline is
/// created and substitutes <see cref="Reference"/> into the configuration text, so nothing later in the pipeline can
/// change it. Unlike a pipeline variable it cannot override a predefined variable.
/// </summary>
/// <param name="Name">Letters, digits, '_' and '-'; referenced as <c>$[[ inputs.Name ]]</c>.</param>
public sealed record GitLabInput(string Name)
{
    /// <summary>Shown in the "Run pipeline" form.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// The value of every pipeline that passes none (push, merge request, schedule): GitLab requires an input without a
    /// default, so a file read by every pipeline gives each input one. It must satisfy <see cref="Options"/> and <see cref="Regex"/>.
    /// </summary>
    public string Default { get; init; } = string.Empty;

    /// <summary>The only values allowed; empty: any value <see cref="Regex"/> allows.</summary>
    public IReadOnlyList<string> Options { get; init => field = [.. value]; } = [];

    /// <summary>
    /// A pattern the whole value must match (write <c>^…$</c>); GitLab evaluates it with RE2, so no lookaround or
    /// back-references. Null: no pattern.
    /// </summary>
    public string? Regex { get; init; }

    /// <summary>Where the value goes in the configuration: <c>$[[ inputs.Name ]]</c>.</summary>
    public string Reference => $"$[[ inputs.{Name} ]]";
}
