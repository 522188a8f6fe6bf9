using GitOps.Platform.ChangeRequests;
using GitOps.Platform.GitHub;
using GitOps.Platform.GitLab;
using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.ChangeRequests;

public sealed class ChangeRequestHostFactoryTests
{
    private static readonly GitLabConnection GitLab =
        new(new Uri("https://gitlab.example.com"), "glpat-x", GitLabTokenKind.PrivateToken, "platform/gitops");

    [Theory]
    [InlineData("https://github.com/platform/gitops.git", "github.com", "platform/gitops")]
    [InlineData("git@github.com:platform/gitops.git", "github.com", "platform/gitops")]
    [InlineData("ssh://git@gitlab.example.com:2222/group/sub/app.git", "gitlab.example.com", "group/sub/app")]
    [InlineData("https://oauth2:token@GitLab.Example.com/group/app", "gitlab.example.com", "group/app")]
    public void Parses_the_remote_forms_git_accepts(string url, string host, string path) =>
        GitRemote.Parse(url).ShouldBe(new GitRemote(host, path));

    [Fact]
    public void A_github_com_remote_gets_github()
    {
        var factory = new ChangeRequestHostFactory(new ChangeRequestHostSettings { GitLab = GitLab, GitHubToken = "ghp_x" }, new SecretMasker());

        using var host = factory.Create("git@github.com:platform/gitops.git");

        host.ShouldBeOfType<GitHubPullRequests>();
    }

    [Fact]
    public void An_enterprise_host_named_in_the_environment_gets_github()
    {
        var settings = ChangeRequestHostSettings.FromEnvironment(new Dictionary<string, string?>
        {
            ["GITHUB_TOKEN"] = "ghp_x",
            ["GITHUB_API_URL"] = "https://github.corp.example/api/v3",
        });

        using var host = new ChangeRequestHostFactory(settings, new SecretMasker()).Create("https://github.corp.example/platform/gitops.git");

        host.ShouldBeOfType<GitHubPullRequests>();
        settings.GitLab.ShouldBeNull();
    }

    [Fact]
    public void Any_other_host_gets_gitlab()
    {
        var factory = new ChangeRequestHostFactory(new ChangeRequestHostSettings { GitLab = GitLab }, new SecretMasker());

        using var host = factory.Create("https://gitlab.example.com/platform/gitops.git");

        host.ShouldBeOfType<GitLabClient>();
    }

    [Fact]
    public void A_gitlab_remote_without_gitlab_settings_says_what_to_set()
    {
        var factory = new ChangeRequestHostFactory(new ChangeRequestHostSettings(), new SecretMasker());

        var error = Should.Throw<GitLabConfigurationException>(() => factory.Create("git@gitlab.example.com:platform/gitops.git"));

        error.Message.ShouldContain("set CI_API_V4_URL, GITLAB_TOKEN and CI_PROJECT_ID");
    }
}
