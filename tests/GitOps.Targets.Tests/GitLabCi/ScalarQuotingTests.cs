using GitOps.Targets.GitLabCi;
using YamlDotNet.RepresentationModel;

namespace GitOps.Targets.Tests.GitLabCi;

public sealed class ScalarQuotingTests
{
    [Theory]
    [InlineData("on")]
    [InlineData("Yes")]
    [InlineData("no")]
    [InlineData("OFF")]
    [InlineData("y")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("010")]
    [InlineData("10.0")]
    [InlineData("1.10")]
    [InlineData("1.2.3")]
    [InlineData("0x1F")]
    [InlineData("1e3")]
    [InlineData("-5")]
    [InlineData(".inf")]
    [InlineData("2024-01-01")]
    [InlineData("12:30")]
    [InlineData("- not a list")]
    [InlineData("key: value")]
    [InlineData("a #not a comment")]
    [InlineData("*alias")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("%directive")]
    [InlineData("@at")]
    [InlineData("`tick")]
    [InlineData("{flow}")]
    [InlineData("[flow]")]
    [InlineData("trailing space ")]
    [InlineData(" leading space")]
    [InlineData("ends with colon:")]
    [InlineData("'already quoted'")]
    public void Strings_yaml_would_misread_are_quoted_and_read_back_unchanged(string value)
    {
        var line = VariableLine(value);

        line.ShouldStartWith("  V: '");
        ReadVariable(value).ShouldBe(value);
    }

    [Theory]
    [InlineData("mcr.microsoft.com/dotnet/sdk:10.0")]
    [InlineData("1h 30m")]
    [InlineData("3rd-party")]
    [InlineData("dev/gcp")]
    [InlineData("$STAGE-$CLOUD")]
    [InlineData("it's fine")]
    [InlineData("./build.sh Verify --stage dev")]
    [InlineData("echo \"quoted inside\"")]
    public void Ordinary_strings_stay_plain(string value)
    {
        VariableLine(value).ShouldBe($"  V: {value}");
        ReadVariable(value).ShouldBe(value);
    }

    [Theory]
    [InlineData("tab\there")]
    [InlineData("bell\u0007")]
    [InlineData("ünïcödé ✓")]
    [InlineData("first\nsecond\n")]
    [InlineData("trailing space \nnext")]
    public void Unusual_text_reads_back_unchanged(string value) => ReadVariable(value).ShouldBe(value);

    [Theory]
    [InlineData("$CI_PIPELINE_SOURCE == \"schedule\"", "'$CI_PIPELINE_SOURCE == \"schedule\"'")]
    [InlineData("$CI_COMMIT_BRANCH", "'$CI_COMMIT_BRANCH'")]
    [InlineData("$CI_COMMIT_TAG =~ /^v\\d+$/", "'$CI_COMMIT_TAG =~ /^v\\d+$/'")]
    [InlineData("$NAME == 'x'", "'$NAME == ''x'''")]
    public void Rule_expressions_are_single_quoted_without_escaping_backslashes(string expression, string written)
    {
        var pipeline = OneJob(new GitLabJob("job") { Script = ["true"], Rules = [new GitLabRule { If = expression }] });

        var yaml = pipeline.ToYaml();

        yaml.ShouldContain($"    - if: {written}\n");
        var rule = (YamlMappingNode)((YamlSequenceNode)Job(yaml)["rules"]).Children[0];
        ((YamlScalarNode)rule["if"]).Value.ShouldBe(expression);
    }

    [Fact]
    public void Multi_line_script_is_a_literal_block()
    {
        var yaml = OneJob(new GitLabJob("job") { Script = ["first\nsecond"] }).ToYaml();

        yaml.ShouldContain("  script:\n    - |-\n      first\n      second\n");
        ((YamlScalarNode)((YamlSequenceNode)Job(yaml)["script"]).Children[0]).Value.ShouldBe("first\nsecond");
    }

    [Fact]
    public void Long_lines_are_not_folded()
    {
        var command = "./build.sh Provision " + string.Join(' ', Enumerable.Repeat("--flag value", 20));

        OneJob(new GitLabJob("job") { Script = [command] }).ToYaml().ShouldContain($"    - {command}\n");
    }

    [Fact]
    public void Job_names_yaml_would_misread_are_quoted() =>
        OneJob(new GitLabJob("on") { Script = ["true"] }).ToYaml().ShouldStartWith("'on':\n");

    private static GitLabPipeline OneJob(GitLabJob job) => new() { Jobs = [job] };

    private static string WithVariable(string value) => new GitLabPipeline
    {
        Variables = new Dictionary<string, string> { ["V"] = value },
        Jobs = [new GitLabJob("job") { Script = ["true"] }],
    }.ToYaml();

    private static string VariableLine(string value) =>
        WithVariable(value).Split('\n').Single(line => line.StartsWith("  V:", StringComparison.Ordinal));

    private static string? ReadVariable(string value) =>
        ((YamlScalarNode)((YamlMappingNode)Root(WithVariable(value))["variables"])["V"]).Value;

    private static YamlMappingNode Job(string yaml) => (YamlMappingNode)Root(yaml)["job"];

    private static YamlMappingNode Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
