using System.Text.Json;

namespace GitOps.Targets.Tests.GitLabCi;

/// <summary>The generated YAML checked by the real gitlab-ci-local: GitLab's JSON schema (--list) and a shell-executor run.</summary>
public sealed class GitLabCiLocalTests
{
    [Fact]
    public async Task Representative_pipeline_passes_GitLab_schema_and_lists_every_job()
    {
        var tool = await GitLabCiLocal.GetAsync();
        using var repository = await TemporaryGitRepository.CreateAsync(SamplePipelines.Representative().ToYaml());

        var result = await tool.RunAsync(repository.Path, "--list-json");

        result.ExitCode.ShouldBe(0, result.StandardError + result.StandardOutput);
        var jobs = JsonDocument.Parse(result.StandardOutput).RootElement.EnumerateArray()
            .ToDictionary(job => job.GetProperty("name").GetString()!, job => job);
        jobs.Keys.Order(StringComparer.Ordinal).ShouldBe(
            ["deploy-dev-gcp", "deploy-prod-gcp", "destroy-dev-gcp", "destroy-prod-gcp", "e2e-dev-gcp", "verify"]);
        jobs["deploy-prod-gcp"].GetProperty("when").GetString().ShouldBe("manual");
        jobs["deploy-prod-gcp"].GetProperty("allow_failure").GetBoolean().ShouldBeFalse();
        jobs["deploy-dev-gcp"].GetProperty("when").GetString().ShouldBe("on_success");
        jobs["e2e-dev-gcp"].GetProperty("needs")[0].GetProperty("job").GetString().ShouldBe("deploy-dev-gcp");
    }

    [Fact]
    public async Task Schema_violation_is_reported_by_gitlab_ci_local()
    {
        var tool = await GitLabCiLocal.GetAsync();
        var broken = SamplePipelines.Representative().ToYaml().Replace("action: stop", "action: halt", StringComparison.Ordinal);
        using var repository = await TemporaryGitRepository.CreateAsync(broken);

        var result = await tool.RunAsync(repository.Path, "--list");

        result.ExitCode.ShouldNotBe(0);
        (result.StandardOutput + result.StandardError).ShouldContain("found halt");
    }

    [Fact]
    public async Task Shell_executor_runs_jobs_in_needs_order_and_passes_dotenv_variables()
    {
        var tool = await GitLabCiLocal.GetAsync();
        using var repository = await TemporaryGitRepository.CreateAsync(SamplePipelines.Runnable().ToYaml());

        var result = await tool.RunAsync(repository.Path, "--shell-isolation", "--manual", "deploy");

        result.ExitCode.ShouldBe(0, result.StandardError + result.StandardOutput);
        Ran(result.StandardOutput).ShouldBe(["build", "test 42", "deploy"]);
    }

    [Fact]
    public async Task Manual_rule_blocks_the_job_until_it_is_started()
    {
        var tool = await GitLabCiLocal.GetAsync();
        using var repository = await TemporaryGitRepository.CreateAsync(SamplePipelines.Runnable().ToYaml());

        var result = await tool.RunAsync(repository.Path, "--shell-isolation");

        result.ExitCode.ShouldBe(0, result.StandardError + result.StandardOutput);
        Ran(result.StandardOutput).ShouldBe(["build", "test 42"]);
    }

    // Job output lines look like "test   > RAN test 42"; the echo command itself is "$ echo ...".
    private static string[] Ran(string output) =>
        [.. output.Split('\n')
            .Select(line => line.Split("> RAN ", 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => parts[1].Trim())];
}
