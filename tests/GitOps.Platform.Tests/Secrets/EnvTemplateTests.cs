using GitOps.Platform.Secrets;

namespace GitOps.Platform.Tests.Secrets;

public sealed class EnvTemplateTests
{
    [Fact]
    public async Task The_shipped_template_documents_what_a_person_must_set()
    {
        var template = await EnvTemplate.ReadAsync(RepositoryRoot.Find(), CancellationToken.None);

        template.Variables.Where(variable => variable.Required).Select(variable => variable.Key).ShouldBe(
            ["CI_API_V4_URL", "GITLAB_TOKEN", "CI_PROJECT_ID"]);
        template.Variables.Where(variable => variable.Secret).Select(variable => variable.Key).ShouldBe(
            ["GITLAB_TOKEN", "GITLAB_TRIGGER_TOKEN", "E2E_TRIGGER_TOKEN", "GITHUB_TOKEN"]);
        template.Variables.ShouldAllBe(variable => variable.Description.Length > 10 && !variable.Description.Contains('['));
    }

    [Fact]
    public async Task The_shipped_template_is_itself_a_readable_env_file()
    {
        var root = RepositoryRoot.Find();

        var values = await DotEnvFile.ReadAsync(Path.Combine(root, EnvTemplate.RelativePath), CancellationToken.None);

        var template = await EnvTemplate.ReadAsync(root, CancellationToken.None);
        values.Keys.ShouldBe(template.Variables.Select(variable => variable.Key), ignoreOrder: true);
    }

    [Fact]
    public void Unknown_keys_count_as_secret()
    {
        var template = EnvTemplate.Parse("# The URL.\nURL=x\n# The token. [secret]\nTOKEN=y\n");

        template.IsSecret("URL").ShouldBeFalse();
        template.IsSecret("TOKEN").ShouldBeTrue();
        template.IsSecret("SOMETHING_ELSE").ShouldBeTrue();
    }
}
