namespace GitOps.TestDoubles.GitLab;

/// <summary>A project CI/CD variable held by the fake.</summary>
public sealed record FakeVariable(string Key, string Value, string EnvironmentScope = "*", string VariableType = "env_var")
{
    public bool Masked { get; init; }

    public bool Protected { get; init; }

    /// <summary>
    /// GitLab 17.4+ "masked and hidden": the API lists the variable (masked and hidden true) with <c>"value": null</c>
    /// (Ci::VariableValue#evaluate); only a job's runner ever receives the value.
    /// </summary>
    public bool Hidden { get; init; }
}
