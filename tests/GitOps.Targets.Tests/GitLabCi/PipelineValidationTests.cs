using GitOps.Targets.GitLabCi;

namespace GitOps.Targets.Tests.GitLabCi;

public sealed class PipelineValidationTests
{
    private static readonly GitLabJob Build = new("build") { Stage = "build", Script = ["make"] };

    [Fact]
    public void Representative_pipeline_is_valid() => SamplePipelines.Representative().Validate().ShouldBeEmpty();

    [Fact]
    public void Duplicate_job_names_are_reported() =>
        Errors(Build, Build with { Script = ["other"] }).ShouldContain("job 'build': defined more than once; job names must be unique");

    [Fact]
    public void Keyword_and_blank_job_names_are_reported()
    {
        var errors = Errors(Build with { Name = "variables" }, Build with { Name = " " });

        errors.ShouldContain(error => error.Contains("'variables': the name is a GitLab keyword", StringComparison.Ordinal));
        errors.ShouldContain(error => error.Contains("empty name", StringComparison.Ordinal));
    }

    [Fact]
    public void Needs_on_a_missing_job_is_reported() =>
        Errors(Build with { Needs = [new GitLabNeed("compile")] })
            .ShouldBe(["job 'build': needs 'compile', which is not a job of this pipeline"]);

    [Fact]
    public void More_than_fifty_needs_are_reported()
    {
        var many = Enumerable.Range(0, 51).Select(i => Build with { Name = $"b{i}" }).ToList();
        var fanIn = new GitLabJob("all") { Stage = "test", Script = ["x"], Needs = [.. many.Select(job => new GitLabNeed(job.Name))] };

        Errors([.. many, fanIn]).ShouldBe(["job 'all': 51 needs; GitLab allows at most 50"]);
    }

    [Fact]
    public void Needs_on_a_later_stage_is_reported() =>
        Errors(Build with { Needs = [new GitLabNeed("deploy")] }, new GitLabJob("deploy") { Stage = "deploy", Script = ["x"] })
            .ShouldHaveSingleItem().ShouldContain("from the later stage 'deploy'");

    [Fact]
    public void Needs_cycle_is_named_as_a_path()
    {
        var a = Build with { Name = "a", Needs = [new GitLabNeed("b")] };
        var b = Build with { Name = "b", Needs = [new GitLabNeed("a")] };

        Errors(a, b).ShouldHaveSingleItem().ShouldStartWith("needs form a cycle: a -> b -> a");
    }

    [Theory]
    [InlineData("dev-gcp")]
    [InlineData("${STAGE}/${CLOUD} 1.0_x")]
    public void Resource_group_allowed_characters_pass(string group) =>
        Errors(Build with { ResourceGroup = group }).ShouldBeEmpty();

    [Theory]
    [InlineData("dev:gcp")]
    [InlineData("dev@gcp")]
    [InlineData("")]
    public void Resource_group_other_characters_are_reported(string group) =>
        Errors(Build with { ResourceGroup = group }).ShouldHaveSingleItem().ShouldContain($"resource_group '{group}' has characters GitLab rejects");

    [Fact]
    public void Undefined_environment_action_is_reported() =>
        Errors(Build with { Environment = new GitLabEnvironment("dev") { Action = (GitLabEnvironmentAction)42 } })
            .ShouldHaveSingleItem().ShouldContain("environment action 42 is not one of start, prepare, stop, verify, access");

    [Fact]
    public void On_stop_must_name_an_existing_job() =>
        Errors(Build with { Environment = new GitLabEnvironment("dev") { OnStop = "teardown" } })
            .ShouldBe(["job 'build': environment on_stop 'teardown' is not a job of this pipeline"]);

    [Fact]
    public void On_stop_job_must_stop_the_environment()
    {
        var deploy = Build with { Environment = new GitLabEnvironment("dev") { OnStop = "teardown" } };
        var notStopping = Build with { Name = "teardown", Environment = new GitLabEnvironment("dev") };
        var otherEnvironment = notStopping with { Environment = new GitLabEnvironment("qa") { Action = GitLabEnvironmentAction.Stop } };

        Errors(deploy, notStopping).ShouldHaveSingleItem().ShouldContain("must have environment action Stop");
        Errors(deploy, otherEnvironment).ShouldHaveSingleItem().ShouldContain("stops 'qa', not 'dev'");
    }

    [Theory]
    [InlineData("/tmp/report.xml")]
    [InlineData("../report.xml")]
    [InlineData("~/report.xml")]
    [InlineData("C:/report.xml")]
    public void Report_paths_must_be_relative(string path)
    {
        var reports = new GitLabReports { Junit = [path], Dotenv = [path] };
        var errors = Errors(Build with { Artifacts = new GitLabArtifacts { Reports = reports } });

        errors.Count.ShouldBe(2);
        errors.ShouldContain(error => error.Contains($"artifacts:reports:junit path '{path}' must be relative", StringComparison.Ordinal));
        errors.ShouldContain(error => error.Contains($"artifacts:reports:dotenv path '{path}' must be relative", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(GitLabWhen.Manual)]
    [InlineData(GitLabWhen.OnSuccess)]
    [InlineData(GitLabWhen.OnFailure)]
    public void Workflow_rules_allow_only_always_or_never(GitLabWhen when)
    {
        var pipeline = new GitLabPipeline
        {
            Workflow = new GitLabWorkflow { Rules = [new GitLabRule { If = "$X", When = when }, new GitLabRule { When = GitLabWhen.Never }] },
            Jobs = [Build],
        };

        pipeline.Validate().ShouldHaveSingleItem().ShouldContain("workflow rules allow only Always or Never");
    }

    [Fact]
    public void Undeclared_stage_and_missing_script_are_reported()
    {
        var errors = Errors(new GitLabJob("lint") { Stage = "lint" });

        errors.ShouldContain("job 'lint': stage 'lint' is not declared; declared stages: .pre, build, test, deploy, .post");
        errors.ShouldContain(error => error.Contains("script is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Retry_cache_and_variable_limits_are_reported()
    {
        var errors = Errors(Build with
        {
            Retry = new GitLabRetry(3),
            Cache = [new GitLabCache { Key = "k", KeyFiles = ["a.lock"], Paths = ["/abs"] }],
            Variables = new Dictionary<string, string> { ["1BAD"] = "x" },
        });

        errors.ShouldContain("job 'build': retry max is 3; GitLab allows 0, 1 or 2");
        errors.ShouldContain("job 'build': a cache sets both key and key files; use one of them");
        errors.ShouldContain(error => error.Contains("cache:paths path '/abs'", StringComparison.Ordinal));
        errors.ShouldContain(error => error.Contains("variable name '1BAD' is invalid", StringComparison.Ordinal));
    }

    [Fact]
    public void Writing_an_invalid_pipeline_throws_with_every_error()
    {
        var pipeline = new GitLabPipeline { Jobs = [Build with { Needs = [new GitLabNeed("x")], ResourceGroup = "a:b" }] };

        var exception = Should.Throw<InvalidGitLabPipelineException>(pipeline.ToYaml);

        exception.Errors.Count.ShouldBe(2);
        exception.Message.ShouldContain("needs 'x'");
        exception.Message.ShouldContain("resource_group 'a:b'");
    }

    private static List<string> Errors(params GitLabJob[] jobs) => [.. new GitLabPipeline { Jobs = jobs }.Validate()];
}
