using GitOps.Platform.Verification.CodeOwners;

namespace GitOps.Platform.Tests.Verification;

public sealed class CodeOwnersFileTests
{
    [Theory]
    [InlineData("/environments/prod/ @leads", "environments/prod/values-prod-gcp.yaml", true)]
    [InlineData("/environments/prod/ @leads", "environments/qa/values-qa-gcp.yaml", false)]
    [InlineData("/environments/prod @leads", "environments/prod/app-of-apps-prod.yaml", true)]
    [InlineData("values-prod-*.yaml @leads", "environments/prod/values-prod-gcp.yaml", true)]
    [InlineData("/environments/**/values-prod-*.yaml @leads", "environments/prod/values-prod-gcp.yaml", true)]
    [InlineData("/values-prod-*.yaml @leads", "environments/prod/values-prod-gcp.yaml", false)]
    [InlineData("* @everyone", "environments/prod/values-prod-gcp.yaml", true)]
    public void Patterns_match_like_gitlab(string entry, string path, bool owned) =>
        (CodeOwnersFile.Parse(entry).OwnersOf(path).Count > 0).ShouldBe(owned);

    [Fact]
    public void The_last_matching_pattern_wins()
    {
        var file = CodeOwnersFile.Parse("/environments/ @team\n/environments/prod/\n");
        file.OwnersOf("environments/prod/values-prod-gcp.yaml").ShouldBeEmpty();
        file.OwnersOf("environments/qa/values-qa-gcp.yaml").ShouldBe(["@team"]);
    }

    [Fact]
    public void Entries_without_owners_take_their_sections_default_owners()
    {
        var file = CodeOwnersFile.Parse("# comment\n[Production][2] @platform-leads\n/environments/prod/\n");
        file.OwnersOf("environments/prod/values-prod-gcp.yaml").ShouldBe(["@platform-leads"]);
    }

    [Fact]
    public void Exclusions_remove_ownership_within_their_section()
    {
        var file = CodeOwnersFile.Parse("/environments/ @team\n!/environments/prod/\n");
        file.OwnersOf("environments/prod/values-prod-gcp.yaml").ShouldBeEmpty();
    }
}
