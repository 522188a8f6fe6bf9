namespace GitOps.TestDoubles.GitLab;

public sealed partial class FakeGitLab
{
    /// <summary>
    /// GET /projects/:id as GitLab answers a member's token: the project and the caller's access level in it
    /// (project_access; group_access is null because the fake has no groups). Reporter 20, Maintainer 40.
    /// </summary>
    private FakeResponse GetProject(FakeRequest request) => FakeResponse.Json(200, new
    {
        id = ProjectId,
        path_with_namespace = ProjectPath,
        default_branch = "main",
        web_url = $"{WebUrl.ToString().TrimEnd('/')}/{ProjectPath}",
        permissions = new
        {
            project_access = new { access_level = request.Caller == FakeCaller.Reporter ? 20 : 40, notification_level = 3 },
            group_access = (object?)null,
        },
    });
}
