using GitOps.Platform.Environments;

namespace GitOps.Platform.Tests.Environments;

public sealed class EnvironmentNamesTests
{
    [Theory]
    [InlineData(Stage.Dev, "dev")]
    [InlineData(Stage.Nightly, "nightly")]
    [InlineData(Stage.QaInt, "qa-int")]
    [InlineData(Stage.Prod, "prod")]
    public void Stages_are_spelled_in_kebab_case_both_ways(Stage stage, string name)
    {
        stage.ToName().ShouldBe(name);
        EnvironmentNames.ParseStage(name).ShouldBe(stage);
    }

    [Theory]
    [InlineData("QaInt")]
    [InlineData("qaint")]
    [InlineData("qa_int")]
    [InlineData("3")]
    [InlineData("")]
    public void Only_the_exact_kebab_spelling_is_a_stage(string name)
    {
        EnvironmentNames.TryParseStage(name, out _).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => EnvironmentNames.ParseStage(name)).Message
            .ShouldStartWith($"unknown stage '{name}'; allowed: dev, nightly, qa, qa-int, prod");
    }

    [Fact]
    public void Clouds_are_spelled_in_kebab_case() => EnvironmentNames.ParseCloud("gcp").ToName().ShouldBe("gcp");

    [Theory]
    [InlineData("qa-int-gcp", Stage.QaInt)]
    [InlineData("dev-gcp", Stage.Dev)]
    public void Environment_ids_parse_with_hyphenated_stages(string text, Stage stage)
    {
        EnvironmentId.TryParse(text, out var environment).ShouldBeTrue();
        environment.ShouldBe(new EnvironmentId(stage, Cloud.Gcp));
        environment.ToString().ShouldBe(text);
    }

    [Theory]
    [InlineData("qa-int")]
    [InlineData("staging-gcp")]
    [InlineData("gcp")]
    public void Environment_ids_need_a_known_stage_and_cloud(string text) =>
        EnvironmentId.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Layout_keeps_each_stage_in_its_own_folder()
    {
        var environment = new EnvironmentId(Stage.QaInt, Cloud.Gcp);
        EnvironmentLayout.ValuesFile(environment).ShouldBe("environments/qa-int/values-qa-int-gcp.yaml");
        EnvironmentLayout.AppOfAppsFile(Stage.QaInt).ShouldBe("environments/qa-int/app-of-apps-qa-int.yaml");
        EnvironmentLayout.RenderedDirectory(environment).ShouldBe(".nuke/temp/rendered/qa-int-gcp");
    }
}
