using GitOps.Platform.GitLab;

namespace GitOps.Platform.Tests.GitLab;

public sealed class GitLabConnectionTests
{
    [Fact]
    public void Reads_the_api_url_token_and_project_from_the_environment()
    {
        var connection = GitLabConnection.FromEnvironment(new Dictionary<string, string?>
        {
            ["CI_API_V4_URL"] = "https://gitlab.example.com/api/v4",
            ["GITLAB_TOKEN"] = "glpat-abc",
            ["CI_JOB_TOKEN"] = "job-abc",
            ["CI_PROJECT_ID"] = "1234",
        });

        connection.ApiUrl.ShouldBe(new Uri("https://gitlab.example.com/api/v4/"));
        connection.TokenKind.ShouldBe(GitLabTokenKind.PrivateToken);
        connection.Token.ShouldBe("glpat-abc");
        connection.EncodedProject.ShouldBe("1234");
    }

    [Fact]
    public void Falls_back_to_the_job_token_and_lets_parameters_win()
    {
        var connection = GitLabConnection.FromEnvironment(
            new Dictionary<string, string?>
            {
                ["CI_API_V4_URL"] = "https://gitlab.example.com/api/v4",
                ["CI_JOB_TOKEN"] = "job-abc",
                ["CI_PROJECT_ID"] = "1234",
            },
            gitLabUrl: "https://gitlab.internal",
            gitLabProject: "group/sub/app");

        connection.TokenKind.ShouldBe(GitLabTokenKind.JobToken);
        connection.ApiUrl.ShouldBe(new Uri("https://gitlab.internal/api/v4/"));
        connection.EncodedProject.ShouldBe("group%2Fsub%2Fapp");
    }

    [Fact]
    public void Names_everything_missing_in_one_line()
    {
        var error = Should.Throw<GitLabConfigurationException>(
            () => GitLabConnection.FromEnvironment(new Dictionary<string, string?> { ["GITLAB_TOKEN"] = " " }));

        error.Message.ShouldBe(
            "GitLab is not configured: set CI_API_V4_URL (or --gitlab-url), GITLAB_TOKEN (or CI_JOB_TOKEN in a pipeline), "
            + "CI_PROJECT_ID (or --gitlab-project); see environments/env.template");
    }

    [Fact]
    public void Refuses_a_url_that_is_not_http()
    {
        var error = Should.Throw<GitLabConfigurationException>(() => GitLabConnection.FromEnvironment(
            new Dictionary<string, string?> { ["GITLAB_TOKEN"] = "t", ["CI_PROJECT_ID"] = "1" }, gitLabUrl: "gitlab.example.com"));

        error.Message.ShouldContain("'gitlab.example.com' is not an absolute URL");
    }
}
