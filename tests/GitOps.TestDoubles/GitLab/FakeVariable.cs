namespace GitOps.TestDoubles.GitLab;

/// <summary>A project CI/CD variable held by the fake.</summary>
public sealed record FakeVariable(string Key, string Value, string EnvironmentScope = "*", string VariableType = "env_var")
{
    public bool Masked { get; init; }

    public bool Protected { get; init; }
}
