using GitOps.Platform.Git;
using GitOps.Platform.Promotion;

namespace GitOps.Platform.Tests.Promotion;

public sealed class PipelinePushUrlTests
{
    private static Dictionary<string, string?> Job(string? token = "glpat-a/b+c") => new()
    {
        ["CI_SERVER_URL"] = "https://gitlab.example.com",
        ["CI_PROJECT_PATH"] = "platform/gitops",
        ["GITLAB_TOKEN"] = token,
        ["CI_JOB_TOKEN"] = "job-token-that-cannot-push",
    };

    [Fact]
    public void The_push_url_carries_gitlab_token_as_oauth2_and_never_the_job_token()
    {
        var url = PipelinePushUrl.From(Job()).ShouldNotBeNull();

        url.ShouldBe("https://oauth2:glpat-a%2Fb%2Bc@gitlab.example.com/platform/gitops.git");
        RemoteUrl.WithoutCredentials(url).ShouldBe("https://gitlab.example.com/platform/gitops.git");
        RemoteUrl.SecretsIn(url).ShouldContain("glpat-a/b+c");
    }

    [Fact]
    public void A_gitlab_under_a_path_keeps_its_path()
    {
        var job = Job();
        job["CI_SERVER_URL"] = "https://example.com/gitlab/";

        PipelinePushUrl.From(job).ShouldBe("https://oauth2:glpat-a%2Fb%2Bc@example.com/gitlab/platform/gitops.git");
    }

    [Fact]
    public void Without_gitlab_token_there_is_no_push_url() => PipelinePushUrl.From(Job(token: null)).ShouldBeNull();
}
