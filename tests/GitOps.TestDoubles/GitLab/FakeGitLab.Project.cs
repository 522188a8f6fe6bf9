namespace GitOps.TestDoubles.GitLab;

public sealed partial class FakeGitLab
{
    private const string MinimumOverrideRoleField = "ci_pipeline_variables_minimum_override_role";

    private const string RestrictField = "restrict_user_defined_variables";

    private static readonly string[] MinimumOverrideRoles = ["no_one_allowed", "owner", "maintainer", "developer"];

    /// <summary>
    /// "Minimum role to use pipeline variables" (Settings > CI/CD > Variables; <c>ci_pipeline_variables_minimum_override_role</c>),
    /// GitLab Self-Managed's default <c>developer</c> (gitlab-org/gitlab#515794). It counts only while
    /// <see cref="RestrictUserDefinedVariables"/> is on (gitlab-org/gitlab!149343). At <c>no_one_allowed</c> or <c>owner</c>
    /// the trigger API then refuses any variable, as GitLab does: the trigger token acts as its owner, whom the fake makes
    /// a Maintainer.
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

    private string minimumOverrideRole = "developer";

    /// <summary>
    /// <c>restrict_user_defined_variables</c>: off, GitLab ignores the minimum role and lets every Developer set pipeline
    /// variables (gitlab-org/gitlab!149343). Off by default, as in a project from before GitLab 18.0.
    /// </summary>
    public bool RestrictUserDefinedVariables
    {
        get
        {
            lock (gate)
            {
                return restrictUserDefinedVariables;
            }
        }

        set
        {
            lock (gate)
            {
                restrictUserDefinedVariables = value;
            }
        }
    }

    private bool restrictUserDefinedVariables;

    /// <summary>
    /// Settings > Merge requests > Merge method, as the projects API names it (<c>merge_method</c>): <c>merge</c> (a
    /// merge commit for every merge request, GitLab's default), <c>rebase_merge</c> (a merge commit, after a rebase
    /// when needed: semi-linear history) or <c>ff</c> (fast-forward, no merge commit). The fake does not merge by it:
    /// the tests merge with git themselves.
    /// </summary>
    public string MergeMethod
    {
        get
        {
            lock (gate)
            {
                return mergeMethod;
            }
        }

        set
        {
            lock (gate)
            {
                mergeMethod = value;
            }
        }
    }

    private string mergeMethod = "merge";

    private bool TriggerOwnerMaySetVariables
    {
        get
        {
            lock (gate)
            {
                return !restrictUserDefinedVariables || minimumOverrideRole is "maintainer" or "developer";
            }
        }
    }

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
        // Shown to every member who can read the project, as GitLab's project entity does.
        ["merge_method"] = MergeMethod,
        // GitLab shows CI/CD settings to those who may change them.
        [MinimumOverrideRoleField] = request.Caller == FakeCaller.Maintainer ? PipelineVariablesMinimumOverrideRole : null,
        [RestrictField] = request.Caller == FakeCaller.Maintainer ? RestrictUserDefinedVariables : null,
        ["permissions"] = new
        {
            project_access = new { access_level = request.Caller == FakeCaller.Reporter ? 20 : 40, notification_level = 3 },
            group_access = (object?)null,
        },
    });

    /// <summary>
    /// PUT /projects/:id, the two settings the build changes, each optional. A Maintainer may lower who can use pipeline
    /// variables, but once it is owner or no_one_allowed only an Owner may change it (GitLab's documented prerequisite);
    /// the fake's token is a Maintainer's.
    /// </summary>
    private FakeResponse UpdateProject(FakeRequest request)
    {
        var role = request.Field(MinimumOverrideRoleField);
        var restrict = request.Field(RestrictField);
        if (role is null && restrict is null)
        {
            return FakeResponse.Error(400, "at least one parameter must be provided");
        }

        if (role is not null && !MinimumOverrideRoles.Contains(role, StringComparer.Ordinal))
        {
            return FakeResponse.Error(400, $"{MinimumOverrideRoleField} does not have a valid value");
        }

        if (restrict is not null and not "true" and not "false")
        {
            return FakeResponse.Error(400, $"{RestrictField} is invalid");
        }

        lock (gate)
        {
            if (role is not null && role != minimumOverrideRole && minimumOverrideRole is "owner" or "no_one_allowed")
            {
                return FakeResponse.Message(403, "403 Forbidden");
            }

            minimumOverrideRole = role ?? minimumOverrideRole;
            restrictUserDefinedVariables = restrict is null ? restrictUserDefinedVariables : restrict == "true";
        }

        return GetProject(request);
    }
}
