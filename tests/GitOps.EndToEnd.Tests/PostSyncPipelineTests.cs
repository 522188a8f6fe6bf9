using GitOps.EndToEnd.Tests.Support;
using GitOps.Platform.Promotion;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// The pipeline the PostSync hook triggers for qa/gcp (issue 7), run by gitlab-ci-local's shell executor with the
/// outside systems as local doubles: the sandbox's bare repository as origin, the fake GitLab for the MR and a loopback
/// server as the qa environment. It must run what ./build.sh plans locally and end as the local promotion does.
/// </summary>
[Collection(SharedClone.Name)]
public sealed class PostSyncPipelineTests(FreshClone clone)
{
    private const string QaParent = "environments/qa/app-of-apps-qa.yaml";

    [Fact]
    public async Task PostSync_trigger_pipeline_run_by_gitlab_ci_local_runs_the_local_plan_in_order_and_opens_one_promotion_mr()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");
        var release = DeployedRelease(Path.Combine(sandbox.Root, QaParent));
        CommitEnvironmentUrl(sandbox);
        var plan = ProcessResult.Run(
            Path.Combine(sandbox.Root, "build.sh"), ["OpenPromotionMR", "--stage", "qa", "--cloud", "gcp", "--plan", "--no-logo"], sandbox.Root,
            new Dictionary<string, string?> { ["GITLAB_CI"] = "true" });
        plan.ExitCode.ShouldBe(0, plan.Output + plan.Error);
        plan.Output.Split('\n').ShouldContain(line => line.Contains("PrepareSensitiveInformation", StringComparison.Ordinal) && line.Contains("(skipped", StringComparison.Ordinal));
        WarmPipelineCache.Fill(sandbox.Root, sandbox.Root);

        // The hook's inputs, as its trigger posts them (inputs[stage]=qa ...); no pipeline variable selects a job.
        // qa's hook posts the commit Argo CD synced with the release, the pin, as the revision input.
        var qaPin = File.ReadLines(Path.Combine(sandbox.Root, QaParent)).Select(line => line.Trim())
            .First(line => line.StartsWith("targetRevision:", StringComparison.Ordinal) && !line.EndsWith("main", StringComparison.Ordinal))["targetRevision:".Length..].Trim();
        using var inputs = new InputsWrapper(sandbox.Root, new Dictionary<string, string> { ["stage"] = "qa", ["cloud"] = "gcp", ["release"] = release, ["revision"] = qaPin });
        var run = GitLabCiLocal.Get().Run(sandbox.Root, JobVariables(sandbox), "--file", inputs.FileName, "--shell-isolation", "--force-shell-executor");

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        var jobs = PipelineRunLog.Jobs(run.Output);
        jobs.Select(job => job.Job).ShouldBe(["postsync:RunE2E:qa-gcp", "postsync:OpenPromotionMR:qa-gcp"]);
        jobs.SelectMany(job => job.Targets).ShouldBe(PipelineRunLog.PlannedTargets(plan.Output));
        PipelineRunLog.PlannedTargets(plan.Output).ShouldBe(["RunE2E", "OpenPromotionMR"]);
        run.Output.ShouldNotContain("Compiling the build", customMessage: "the cached compiled build should be reused");

        var pin = qaPin;
        var branch = $"promote/qa-int-{release}-{pin[..12]}";
        var request = sandbox.GitLab.MergeRequests.ShouldHaveSingleItem();
        request.Title.ShouldBe($"Promote {release} at {pin[..12]} to qa-int");
        (request.SourceBranch, request.TargetBranch).ShouldBe((branch, "main"));
        request.Description.ShouldContain($"- **qa-gcp** `{release} at {pin[..12]}` passed: 3 tests, 0 failures");
        sandbox.OriginBranches().ShouldBe(["main", branch], ignoreOrder: true);
        sandbox.OriginGit("diff", "--numstat", "main", branch).Trim().ShouldBe("1\t1\tenvironments/qa-int/app-of-apps-qa-int.yaml");
        (run.Output + run.Error).ShouldNotContain(sandbox.GitLab.MaintainerToken);
    }

    /// <summary>
    /// What GitLab and the project's CI/CD settings give the jobs (the trigger's inputs come through the wrapper). The job pushes to the URL it builds from
    /// CI_SERVER_URL and CI_PROJECT_PATH with GITLAB_TOKEN; git's url.insteadOf (in the clone's .git/config) sends that
    /// push to the bare repository, as GitLab would receive it in the project.
    /// </summary>
    private static Dictionary<string, string> JobVariables(PromotionSandbox sandbox)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CI_PIPELINE_SOURCE"] = "trigger",
            ["GITLAB_CI"] = "true",
            ["CI_SERVER_URL"] = sandbox.GitLab.WebUrl.ToString().TrimEnd('/'),
            ["CI_PROJECT_PATH"] = sandbox.GitLab.ProjectPath,
        };
        foreach (var (name, value) in sandbox.Variables)
        {
            variables[name] = value!;
        }

        // The build passes no GIT_CONFIG_* variable on to git (ToolEnvironment), so the redirect lives in the clone's own
        // git config, which gitlab-ci-local copies into each job's directory with the rest of .git.
        var pushUrl = PipelinePushUrl.From(variables.ToDictionary(pair => pair.Key, string? (pair) => pair.Value)).ShouldNotBeNull();
        sandbox.Git("config", $"url.{sandbox.Origin}.insteadOf", pushUrl);
        return variables;
    }

    /// <summary>
    /// The URL under test comes from the committed repository, as in a real project: a pipeline variable may not choose
    /// it (a trigger could point e2e at a server that always passes).
    /// </summary>
    private static void CommitEnvironmentUrl(PromotionSandbox sandbox)
    {
        File.WriteAllText(
            Path.Combine(sandbox.Root, ".nuke", "parameters.json"),
            $"{{\n  \"$schema\": \"./build.schema.json\",\n  \"e2e-base-url\": \"{sandbox.EnvironmentUrl}\"\n}}\n");
        sandbox.Git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "--quiet", "-am", "e2e against the loopback environment");
        sandbox.Git("push", "--quiet", "origin", "HEAD:refs/heads/main");
    }

    // qa's release: the value after its parent Application's "- name: deployedRelease" parameter.
    private static string DeployedRelease(string parentFile) =>
        File.ReadLines(parentFile).SkipWhile(line => line.Trim() != "- name: deployedRelease").Skip(1).First().Trim()["value:".Length..].Trim().Trim('"');
}
