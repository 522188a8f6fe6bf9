namespace GitOps.TestDoubles.GitLab;

public sealed partial class FakeGitLab
{
    private FakeResponse ListVariables(FakeRequest request) =>
        Paginate(request, Snapshot(variables), variable => new
        {
            variable_type = variable.VariableType,
            key = variable.Key,
            value = variable.Value,
            @protected = variable.Protected,
            masked = variable.Masked,
            hidden = false,
            raw = false,
            environment_scope = variable.EnvironmentScope,
            description = (string?)null,
        });
}
