using GitOps.Platform.GitLab;
using GitOps.Platform.GitLab.Variables;

namespace GitOps.Platform.Tests.GitLab;

public sealed class EnvironmentScopeTests
{
    [Theory]
    [InlineData("*", "dev/gcp", true)]
    [InlineData("*", null, true)]
    [InlineData("dev/gcp", "dev/gcp", true)]
    [InlineData("dev/gcp", "dev/aws", false)]
    [InlineData("dev/gcp", null, false)]
    [InlineData("dev/*", "dev/gcp", true)]
    [InlineData("dev/*", "qa/gcp", false)]
    [InlineData("review/*", "review/feature-1", true)]
    [InlineData("*-prod", "gcp-prod", true)]
    [InlineData("dev.gcp", "devXgcp", false)]
    public void Matches_as_gitlab_does(string scope, string? environment, bool expected) =>
        EnvironmentScope.Matches(scope, environment).ShouldBe(expected);

    [Fact]
    public void An_exact_scope_beats_a_wildcard_which_beats_everything()
    {
        GitLabVariable[] variables =
        [
            new() { Key = "K", Value = "all", EnvironmentScope = "*" },
            new() { Key = "K", Value = "exact", EnvironmentScope = "dev/gcp" },
            new() { Key = "K", Value = "stage", EnvironmentScope = "dev/*" },
            new() { Key = "K", Value = "any-gcp", EnvironmentScope = "*/gcp" },
        ];

        EnvironmentScope.Resolve(variables, "dev/gcp").ShouldHaveSingleItem().Value.ShouldBe("exact");
        EnvironmentScope.Resolve(variables[..3], "dev/aws").ShouldHaveSingleItem().Value.ShouldBe("stage");
        EnvironmentScope.Resolve(variables, "qa/aws").ShouldHaveSingleItem().Value.ShouldBe("all");
    }
}
