namespace GitOps.Targets.Parameters;

/// <summary>
/// Marks a field or property of the build as a typed parameter: <c>[Parameter("Stage to act on")] readonly Stage? Stage;</c>.
/// Set from <c>--kebab-name</c>, the environment variable <c>KEBAB_NAME</c>, <c>.nuke/parameters[.profile].json</c>,
/// or left at its initial value.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>The kebab-case CLI name when the member name does not spell it (e.g. "gitlab-url").</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Read only from the command line, never from variables or parameters files: for flags that lower a safety gate,
    /// so an unrelated <c>FORCE=1</c> in someone's environment cannot do it silently.
    /// </summary>
    public bool CommandLineOnly { get; init; }

    /// <summary>
    /// The value chooses code, a command, an executable or a credential (a kubeconfig, an API URL a token is sent to).
    /// In a pipeline (<see cref="BuildScript.InPipeline"/>) it is read only from the command line and the committed
    /// parameters files, and a variable setting it is refused: GitLab gives trigger and API variables precedence over
    /// every other variable, so anyone holding a trigger token could otherwise choose what runs with the job's secrets.
    /// </summary>
    public bool NotFromPipelineVariables { get; init; }
}
