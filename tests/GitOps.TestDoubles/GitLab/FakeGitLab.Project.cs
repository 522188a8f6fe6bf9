namespace GitOps.TestDoubles.GitLab;

public sealed partial class FakeGitLab
{
    private const string MinimumOverrideRoleField = "ci_pipeline_variables_minimum_override_role";

    private static readonly string[] MinimumOverrideRoles = ["no_one_allowed", "owner", "maintainer", "developer"];

    /// <summary>
    /// "Minimum role to use pipeline variables" (Settings > CI/CD > Variables; <c>ci_pipeline_variables_minimum_override_role</c>),
    /// GitLab Self-Managed's default <c>maintainer</c>. At <c>no_one_allowed</c> or <c>owner</c> the trigger API refuses
    /// any variable, as GitLab does: the trigger token acts as its owner, whom the fake makes a Maintainer.
    /// </summary>
    public string PipelineVariablesMinimumOverrideRole
    {
        get
        {
            lock (gate)
            {
                return minimumOverrideRole;
            }
        }

        set
        {
            lock (gate)
            {
                minimumOverrideRole = value;
            }
        }
    }

    private string minimumOverrideRole = "maintainer";

    private bool TriggerOwnerMaySetVariables => PipelineVariablesMinimumOverrideRole is "maintainer" or "developer";

    /// <summary>
    /// GET /projects/:id as GitLab answers a member's token: the project and the caller's access level in it
    /// (project_access; group_access is null because the fake has no groups). Reporter 20, Maintainer 40.
    /// </summary>
    private FakeResponse GetProject(FakeRequest request) => FakeResponse.Json(200, new Dictionary<string, object?>
    {
        ["id"] = ProjectId,
        ["path_with_namespace"] = ProjectPath,
        ["default_branch"] = "main",
        ["web_url"] = $"{WebUrl.ToString().TrimEnd('/')}/{ProjectPath}",
        // GitLab shows CI/CD settings to those who may change them.
        [MinimumOverrideRoleField] = request.Caller == FakeCaller.Maintainer ? PipelineVariablesMinimumOverrideRole : null,
        ["permissions"] = new
        {
            project_access = new { access_level = request.Caller == FakeCaller.Reporter ? 20 : 40, notification_level = 3 },
            group_access = (object?)null,
        },
    });

    /// <summary>
    /// PUT /projects/:id, the one setting the build changes. A Maintainer may lower who can use pipeline variables, but
    /// once it is owner or no_one_allowed only an Owner may change it (GitLab's documented prerequisite); the fake's
    /// token is a Maintainer's.
    /// </summary>
    private FakeResponse UpdateProject(FakeRequest request)
    {
        if (request.Field(MinimumOverrideRoleField) is not { } role)
        {
            return FakeResponse.Error(400, "at least one parameter must be provided");
        }

        if (!MinimumOverrideRoles.Contains(role, StringComparer.Ordinal))
        {
            return FakeResponse.Error(400, $"{MinimumOverrideRoleField} does not have a valid value");
        }

        lock (gate)
        {
            if (role != minimumOverrideRole && minimumOverrideRole is "owner" or "no_one_allowed")
            {
                return FakeResponse.Message(403, "403 Forbidden");
            }

            minimumOverrideRole = role;
        }

        return GetProject(request);
    }
}
