using GitOps.Platform.GitLab;

namespace GitOps.Platform.Tests.GitLab;

/// <summary>
/// GitLab gives trigger and pipeline variables precedence over its predefined ones, so CI_API_V4_URL, CI_SERVER_URL
/// and CI_PROJECT_PATH can arrive with any value: in a pipeline the build takes them from the repository.
/// </summary>
public sealed class CommittedGitLabProjectTests
{
    private static readonly CommittedGitLabProject Committed = CommittedGitLabProject.Load(RepositoryRoot.Find());

    [Fact]
    public void The_repository_commits_one_GitLab_project_in_its_foundation_tfvars()
    {
        Committed.ServerUrl.ShouldBe(new Uri("https://gitlab.eurodat.example/"));
        Committed.ApiUrl.ShouldBe(new Uri("https://gitlab.eurodat.example/api/v4/"));
        Committed.ProjectPath.ShouldBe("eurodat/eurodat-trustee-iac");
    }

    [Theory]
    [InlineData("CI_API_V4_URL", "https://gitlab.attacker.example/api/v4")]
    [InlineData("CI_API_V4_URL", "https://gitlab-ci-token:x@gitlab.eurodat.example/api/v4")]
    [InlineData("CI_SERVER_URL", "https://gitlab.attacker.example")]
    [InlineData("CI_PROJECT_PATH", "eurodat/someone-elses-project")]
    public void A_variable_pointing_elsewhere_is_refused_in_one_line_naming_it(string name, string value)
    {
        var refused = Should.Throw<GitLabConfigurationException>(() => Committed.Pin(new Dictionary<string, string?> { [name] = value }));

        refused.Message.ShouldStartWith($"{name} is '{value}' but this repository belongs to ");
        refused.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void The_runners_own_values_pass_and_the_project_id_becomes_the_committed_path()
    {
        var pinned = Committed.Pin(new Dictionary<string, string?>
        {
            ["CI_API_V4_URL"] = "https://gitlab.eurodat.example/api/v4",
            ["CI_SERVER_URL"] = "https://gitlab.eurodat.example",
            ["CI_PROJECT_PATH"] = "eurodat/eurodat-trustee-iac",
            // A number cannot be compared with the committed path; a trigger could name another project by it.
            ["CI_PROJECT_ID"] = "999",
            ["GITLAB_TOKEN"] = "glpat-kept",
        });

        pinned["CI_PROJECT_ID"].ShouldBe("eurodat/eurodat-trustee-iac");
        pinned["CI_API_V4_URL"].ShouldBe("https://gitlab.eurodat.example/api/v4/");
        pinned["GITLAB_TOKEN"].ShouldBe("glpat-kept");
        GitLabConnection.FromEnvironment(pinned).ApiUrl.ShouldBe(Committed.ApiUrl);
    }

    [Fact]
    public void Two_stages_naming_different_projects_are_refused()
    {
        var root = Directory.CreateTempSubdirectory("gitops-committed-gitlab-").FullName;
        try
        {
            var directory = Directory.CreateDirectory(Path.Combine(root, CommittedGitLabProject.FoundationVarFiles)).FullName;
            File.WriteAllText(Path.Combine(directory, "dev.tfvars"), "gitlab_url = \"https://gitlab.a.example\"\ngitlab_project_path = \"g/p\"\n");
            File.WriteAllText(Path.Combine(directory, "prod.tfvars"), "gitlab_url = \"https://gitlab.b.example\"\ngitlab_project_path = \"g/p\"\n");

            Should.Throw<GitLabConfigurationException>(() => CommittedGitLabProject.Load(root))
                .Message.ShouldBe($"{CommittedGitLabProject.FoundationVarFiles}/prod.tfvars names GitLab project https://gitlab.b.example/g/p but {CommittedGitLabProject.FoundationVarFiles}/dev.tfvars names https://gitlab.a.example/g/p; one repository belongs to one project");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
