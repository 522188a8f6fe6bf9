using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>The committed .gitlab-ci.yml: generated, accepted by GitLab's schema, guarded against hand edits, and runnable.</summary>
[Collection(SharedClone.Name)]
public sealed class GeneratedPipelineTests(FreshClone clone)
{
    private const string CiFile = ".gitlab-ci.yml";

    [Fact]
    public void Committed_file_is_exactly_what_GenerateCI_writes()
    {
        var path = Path.Combine(clone.Root, CiFile);
        var committed = File.ReadAllText(path);
        try
        {
            File.Delete(path);
            var result = clone.BuildSh("GenerateCI", "--no-logo");

            result.ExitCode.ShouldBe(0, result.Output + result.Error);
            File.ReadAllText(path).ShouldBe(committed, $"run ./build.sh GenerateCI and commit {CiFile}");
            committed.ShouldStartWith("# .gitlab-ci.yml: GENERATED");
            committed.ShouldContain("Regenerate with `./build.sh GenerateCI`");
        }
        finally
        {
            File.WriteAllText(path, committed);
        }
    }

    [Fact]
    public void A_hand_edit_makes_the_stale_check_fail_with_the_diff_and_the_fix()
    {
        var path = Path.Combine(clone.Root, CiFile);
        var committed = File.ReadAllText(path);
        try
        {
            File.WriteAllText(path, committed.Replace("  timeout: 45m\n", "  timeout: 2h\n", StringComparison.Ordinal));
            var stale = clone.BuildSh("CheckGeneratedCI", "--no-logo");

            stale.ExitCode.ShouldBe(1, stale.Output + stale.Error);
            stale.Output.ShouldContain(".gitlab-ci.yml is stale");
            stale.Output.ShouldContain("Run `./build.sh GenerateCI` and commit the result.");
            stale.Output.ShouldContain("-  timeout: 2h");
            stale.Output.ShouldContain("+  timeout: 45m");

            File.WriteAllText(path, committed);
            clone.BuildSh("CheckGeneratedCI", "--no-logo").ExitCode.ShouldBe(0);
        }
        finally
        {
            File.WriteAllText(path, committed);
        }
    }

    [Theory]
    [InlineData("merge_request_event", "", "branch:Verify")]
    [InlineData("schedule", "", "nightly:Provision:nightly-gcp nightly:DeployAppOfApps:nightly-gcp nightly:RunE2E:nightly-gcp nightly:Destroy:nightly-gcp")]
    [InlineData("trigger", "STAGE=qa CLOUD=gcp RELEASE=1.4.0", "postsync:RunE2E:qa-gcp postsync:OpenPromotionMR:qa-gcp")]
    [InlineData("trigger", "STAGE=qa-int CLOUD=gcp RELEASE=1.4.0", "postsync:RunE2E:qa-int-gcp")]
    [InlineData("api", "RELEASE_ENTRY_VERSION=1.5.0", "release:OpenPromotionMR")]
    public void GitLab_schema_accepts_the_file_and_each_source_gets_its_jobs(string source, string variables, string expectedJobs)
    {
        var jobs = ListJobs(new Dictionary<string, string>(Pairs(variables)) { ["CI_PIPELINE_SOURCE"] = source });

        jobs.Keys.Order(StringComparer.Ordinal).ShouldBe(expectedJobs.Split(' ').Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Default_branch_deploys_dev_and_gates_prod_and_every_destroy_behind_blocking_manual_jobs()
    {
        var jobs = ListJobs(new Dictionary<string, string> { ["CI_PIPELINE_SOURCE"] = "push", ["CI_COMMIT_BRANCH"] = "main", ["CI_DEFAULT_BRANCH"] = "main" });

        jobs["main:Provision:dev-gcp"].When.ShouldBe("on_success");
        jobs["main:DeployAppOfApps:dev-gcp"].Needs.ShouldBe("[main:Provision:dev-gcp]");
        foreach (var manual in new[] { "main:Provision:prod-gcp", "main:Destroy:dev-gcp", "main:Destroy:nightly-gcp", "main:Destroy:prod-gcp" })
        {
            jobs[manual].When.ShouldBe("manual", manual);
            jobs[manual].AllowFailure.ShouldBeFalse(manual);
        }

        jobs.Keys.ShouldContain("branch:Verify");
    }

    [Fact]
    public void Merge_request_pipeline_run_by_gitlab_ci_local_runs_the_targets_the_local_plan_names_in_order()
    {
        var request = new[] { "Verify" };
        var local = clone.BuildSh([.. request, "--plan", "--no-logo"]);
        local.ExitCode.ShouldBe(0, local.Error);
        // Also warms the clone's build and tools, which the copy hands to the jobs through the pipeline's caches.
        clone.BuildSh([.. request, "--no-logo"]).ExitCode.ShouldBe(0);
        using var copy = new CommittedCopy(clone);

        var run = GitLabCiLocal.Get().Run(
            copy.Root,
            new Dictionary<string, string> { ["CI_PIPELINE_SOURCE"] = "merge_request_event", ["GITLAB_CI"] = "true" },
            "--shell-isolation", "--force-shell-executor");

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        var jobs = PipelineRunLog.Jobs(run.Output);
        jobs.Select(job => job.Job).ShouldBe(["branch:Verify"]);
        jobs.SelectMany(job => job.Targets).ShouldBe(PipelineRunLog.PlannedTargets(local.Output));
        run.Output.ShouldNotContain("Compiling the build", customMessage: "the cached compiled build should be reused");
    }

    // --list-csv validates against GitLab's schema like --list and, unlike --list-json, leaves out jobs whose rules exclude them.
    private Dictionary<string, ListedJob> ListJobs(IReadOnlyDictionary<string, string> variables)
    {
        var result = GitLabCiLocal.Get().Run(clone.Root, variables, "--list-csv");
        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Output.ShouldNotContain("Invalid .gitlab-ci.yml");
        return result.Output.Split('\n').SkipWhile(line => !line.StartsWith("name;", StringComparison.Ordinal)).Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(';'))
            .ToDictionary(fields => fields[0], fields => new ListedJob(fields[3], bool.Parse(fields[4]), fields[5]), StringComparer.Ordinal);
    }

    private sealed record ListedJob(string When, bool AllowFailure, string Needs);

    private static IEnumerable<KeyValuePair<string, string>> Pairs(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)).Select(pair => KeyValuePair.Create(pair[0], pair[1]));
}
