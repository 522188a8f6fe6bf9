using System.Text.Json;
using GitOps.Targets.GitLabCi;

namespace GitOps.Targets.Tests.GitLabCi;

/// <summary>
/// The spec:inputs header (GitLab pipeline inputs): written as its own document before "---", checked as GitLab checks
/// it, and read by the real gitlab-ci-local through a file that includes the pipeline with inputs, as the trigger API's
/// <c>inputs[...]</c> would give them.
/// </summary>
public sealed class PipelineInputsTests
{
    private static readonly GitLabInput Stage = new("stage") { Description = "Stage the trigger is for", Options = ["", "qa", "qa-int"] };

    private static readonly GitLabInput Release = new("release") { Default = "none", Regex = @"^none$|^[0-9]+\.[0-9]+\.[0-9]+$" };

    private static GitLabPipeline Triggered() => new()
    {
        HeaderComment = "generated",
        Inputs = [Stage, Release],
        Stages = ["test"],
        Jobs =
        [
            new GitLabJob("e2e-qa")
            {
                Stage = "test",
                Rules = [new GitLabRule { If = $"$CI_PIPELINE_SOURCE == \"trigger\" && \"{Stage.Reference}\" == \"qa\"" }],
                Variables = new Dictionary<string, string> { ["RELEASE"] = Release.Reference },
                Script = ["echo \"RAN e2e $RELEASE\""],
            },
            new GitLabJob("verify") { Stage = "test", Script = ["echo verify"] },
        ],
    };

    [Fact]
    public void The_header_is_a_document_of_its_own_before_the_configuration()
    {
        var yaml = Triggered().ToYaml();

        yaml.ShouldStartWith(
            "# generated\n\nspec:\n  inputs:\n    stage:\n      description: Stage the trigger is for\n      default: ''\n      options:\n        - ''\n        - qa\n        - qa-int\n"
            + "    release:\n      default: none\n      regex: '^none$|^[0-9]+\\.[0-9]+\\.[0-9]+$'\n\n---\nstages:\n");
        yaml.ShouldContain("    RELEASE: $[[ inputs.release ]]\n");
    }

    [Fact]
    public void A_default_outside_the_options_or_the_pattern_and_an_undeclared_input_are_reported()
    {
        var pipeline = Triggered() with
        {
            Inputs = [Stage with { Default = "prod" }, Release with { Default = "latest" }],
            Variables = new Dictionary<string, string> { ["CLOUD"] = "$[[ inputs.cloud ]]" },
        };

        pipeline.Validate().ShouldBe(
        [
            "input 'stage': its default 'prod' is not one of its options ('', 'qa', 'qa-int')",
            "input 'release': its default 'latest' does not match its regex '^none$|^[0-9]+\\.[0-9]+\\.[0-9]+$'",
        ]);
        (Triggered() with { Variables = new Dictionary<string, string> { ["CLOUD"] = "$[[ inputs.cloud ]]" } }).Validate()
            .ShouldBe(["'$[[ inputs.cloud ]]' is used, but no input 'cloud' is declared; declared: stage, release"]);
    }

    [Fact]
    public void An_empty_default_with_a_regex_is_refused_as_GitLab_before_192082_matches_no_empty_string()
    {
        var pipeline = Triggered() with { Inputs = [Stage, Release with { Default = string.Empty, Regex = @"^$|^[0-9]+\.[0-9]+\.[0-9]+$" }] };

        pipeline.Validate().ShouldBe(
        [
            "input 'release': an empty default with a regex is refused by GitLab before gitlab-org/gitlab!192082 (an empty value never matched): "
                + "give it a non-empty default the regex matches, such as 'none'",
        ]);
    }

    [Theory]
    [InlineData(null, "or a regex that refuses quotes, '$' and whitespace")]
    [InlineData("^none$|^.+$", "('^none$|^.+$' matches '\"')")]
    [InlineData("^none$|^[a-z0-9 ]+$", "('^none$|^[a-z0-9 ]+$' matches ' ')")]
    public void An_input_in_a_rules_if_without_options_needs_a_regex_that_refuses_quotes_dollars_and_whitespace(string? regex, string expected)
    {
        var selecting = Release with { Regex = regex };
        var pipeline = Triggered() with
        {
            Inputs = [Stage, selecting],
            Jobs = [.. Triggered().Jobs, new GitLabJob("release") { Stage = "test", Rules = [new GitLabRule { If = $"\"{selecting.Reference}\" != \"none\"" }], Script = ["echo release"] }],
        };

        pipeline.Validate().ShouldHaveSingleItem().ShouldEndWith(expected);
        (pipeline with { Inputs = [Stage, Release] }).Validate().ShouldBeEmpty("a SemVer-like pattern of character classes refuses them");
    }

    [Fact]
    public void A_child_pipeline_may_not_read_inputs_its_trigger_job_does_not_pass()
    {
        var child = new GitLabPipeline { Stages = ["test"], Jobs = [new GitLabJob("deploy") { Stage = "test", Script = ["echo $[[ inputs.stage ]]"] }] };
        var parent = Triggered() with
        {
            Jobs = [.. Triggered().Jobs, new GitLabJob("child") { Stage = "test", Trigger = new GitLabTrigger(".ci/child.yml") }],
            Children = new Dictionary<string, GitLabPipeline> { [".ci/child.yml"] = child },
        };

        parent.Validate().ShouldBe([".ci/child.yml: '$[[ inputs.stage ]]' is used, but this file declares no inputs (a child pipeline gets none from its trigger job)"]);
    }

    [Fact]
    public async Task Gitlab_ci_local_selects_jobs_by_the_inputs_a_wrapper_passes_and_refuses_a_value_outside_the_options()
    {
        var tool = await GitLabCiLocal.GetAsync();
        using var repository = await TemporaryGitRepository.CreateAsync(Triggered().ToYaml());
        var wrapper = Path.Combine(repository.Path, "with-inputs.yml");

        // No inputs (a push, or a trigger that sends only variables): the defaults, so no e2e job.
        (await Jobs(tool, repository.Path, "trigger")).ShouldBe(["verify"]);

        await File.WriteAllTextAsync(wrapper, "include:\n  - local: .gitlab-ci.yml\n    inputs:\n      stage: qa\n      release: 1.4.0\n");
        (await Jobs(tool, repository.Path, "trigger", "--file", "with-inputs.yml")).ShouldBe(["e2e-qa", "verify"]);
        (await Jobs(tool, repository.Path, "push", "--file", "with-inputs.yml")).ShouldBe(["verify"]);

        await File.WriteAllTextAsync(wrapper, "include:\n  - local: .gitlab-ci.yml\n    inputs:\n      stage: prod\n");
        var refused = await tool.RunAsync(repository.Path, "--list-json", "--file", "with-inputs.yml", "--variable", "CI_PIPELINE_SOURCE=trigger");
        refused.ExitCode.ShouldNotBe(0);
        (refused.StandardOutput + refused.StandardError).ShouldContain("not in the list of allowed options");
    }

    private static async Task<string[]> Jobs(GitLabCiLocal tool, string repository, string source, params string[] arguments)
    {
        var result = await tool.RunAsync(repository, ["--list-json", "--variable", $"CI_PIPELINE_SOURCE={source}", .. arguments]);
        result.ExitCode.ShouldBe(0, result.StandardError + result.StandardOutput);
        // Warnings come first on stdout; the JSON array starts a line of its own.
        var output = "\n" + result.StandardOutput;
        return [.. JsonDocument.Parse(output[(output.IndexOf("\n[", StringComparison.Ordinal) + 1)..]).RootElement.EnumerateArray()
            .Where(job => job.GetProperty("when").GetString() != "never")
            .Select(job => job.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
    }
}
