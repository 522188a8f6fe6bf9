namespace GitOps.TestDoubles.GitLab;

public sealed partial class FakeGitLab
{
    private FakeResponse ListVariables(FakeRequest request) =>
        Paginate(request, Snapshot(variables), variable => new
        {
            variable_type = variable.VariableType,
            key = variable.Key,
            value = variable.Hidden ? null : variable.Value,
            @protected = variable.Protected,
            masked = variable.Masked || variable.Hidden,
            hidden = variable.Hidden,
            raw = false,
            environment_scope = variable.EnvironmentScope,
            description = (string?)null,
        });
}
