namespace GitOps.Platform.Tests.Foundation;

/// <summary>
/// The claims of a GitLab CI job's ID token that the Workload Identity provider's condition reads, with the names and
/// string values of GitLab's documentation (ci/secrets/id_token_authentication): <c>project_path</c>,
/// <c>ref_protected</c> ("true"/"false"), and, when the job declares <c>environment:</c>, <c>environment</c> (its name)
/// and <c>environment_protected</c> ("true"/"false"). A job without an environment has no environment claims at all.
/// <c>project_id</c>, <c>namespace_id</c> and <c>job_id</c> are numbers sent as strings.
/// </summary>
internal sealed record GitLabIdTokenClaims(string ProjectPath, string Ref, bool RefProtected, string? Environment, bool EnvironmentProtected)
{
    /// <summary>The project's immutable id; a project that took over a renamed project's path has another.</summary>
    public string ProjectId { get; init; } = "4711";

    public string NamespaceId { get; init; } = "815";

    public string JobId { get; init; } = "9000000001";

    /// <summary>"branch" or "tag": a protected tag's job carries ref_protected "true" too.</summary>
    public string RefType { get; init; } = "branch";

    public Dictionary<string, object> ToAssertion()
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["iss"] = "https://gitlab.eurodat.example",
            ["sub"] = $"project_path:{ProjectPath}:ref_type:{RefType}:ref:{Ref}",
            ["project_id"] = ProjectId,
            ["namespace_id"] = NamespaceId,
            ["job_id"] = JobId,
            ["project_path"] = ProjectPath,
            ["namespace_path"] = ProjectPath.Split('/')[0],
            ["ref"] = Ref,
            ["ref_type"] = RefType,
            ["ref_protected"] = RefProtected ? "true" : "false",
        };
        if (Environment is not null)
        {
            claims["environment"] = Environment;
            claims["environment_protected"] = EnvironmentProtected ? "true" : "false";
        }

        return claims;
    }
}
