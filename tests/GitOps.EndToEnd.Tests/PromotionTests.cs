using System.Text;
using GitOps.EndToEnd.Tests.Support;
using GitOps.TestDoubles.GitLab;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// Promotion as the pipeline runs it (issue 6): ./build.sh against a bare repository on disk as origin, the fake
/// GitLab as the MR host and a loopback server as the qa environment (which runs 1.4.2; qa-int runs 1.4.1).
/// </summary>
[Collection(SharedClone.Name)]
public sealed class PromotionTests(FreshClone clone)
{
    private const string QaIntValues = "environments/qa-int/values-qa-int-gcp.yaml";
    private const string Branch = "promote/qa-int-1.4.2";

    [Fact]
    public async Task Passing_e2e_then_promotion_pushes_one_version_line_and_one_merge_request_however_often_it_runs()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");
        var e2e = sandbox.Build("RunE2E", "--stage", "qa", "--cloud", "gcp", "--e2e-base-url", sandbox.EnvironmentUrl);
        e2e.ExitCode.ShouldBe(0, e2e.Output + e2e.Error);
        File.ReadAllText(Path.Combine(sandbox.Root, ".nuke/temp/e2e/qa-gcp.junit.xml")).ShouldContain("environment runs release 1.4.2");
        File.ReadAllText(Path.Combine(sandbox.Root, ".nuke/temp/e2e/qa-gcp.json")).ShouldContain("\"result\": \"passed\"");

        var promotion = sandbox.Build("OpenPromotionMR", "--stage", "qa", "--cloud", "gcp", "--skip", "RunE2E");

        promotion.ExitCode.ShouldBe(0, promotion.Output + promotion.Error);
        sandbox.OriginBranches().ShouldBe(["main", Branch], ignoreOrder: true);
        sandbox.OriginGit("rev-list", "--count", $"main..{Branch}").Trim().ShouldBe("1");
        sandbox.OriginGit("diff", "--numstat", "main", Branch).Trim().ShouldBe($"1\t1\t{QaIntValues}");
        ChangedLines(sandbox.OriginGit("diff", "-U0", "main", Branch)).ShouldBe(["-deployedRelease: 1.4.1", "+deployedRelease: 1.4.2"]);
        var request = sandbox.GitLab.MergeRequests.ShouldHaveSingleItem();
        request.Title.ShouldBe("Promote 1.4.2 to qa-int");
        (request.SourceBranch, request.TargetBranch).ShouldBe((Branch, "main"));
        request.Description.ShouldContain("- **qa-gcp** `1.4.2` passed: 3 tests, 0 failures, 0 errors, 0 skipped");
        var rendered = request.Description[request.Description.IndexOf("### Rendered manifest diff", StringComparison.Ordinal)..];
        rendered.ShouldContain("```diff");
        rendered.Split('\n').ShouldContain(line => line.StartsWith('-') && line.Contains("1.4.1", StringComparison.Ordinal));
        rendered.Split('\n').ShouldContain(line => line.StartsWith('+') && line.Contains("1.4.2", StringComparison.Ordinal));
        var head = sandbox.OriginGit("rev-parse", Branch);

        // As the issue says it: only the stage; RunE2E then covers every cloud of qa before the promotion.
        var rerun = sandbox.Build("OpenPromotionMR", "--stage", "qa", "--e2e-base-url", sandbox.EnvironmentUrl);

        rerun.ExitCode.ShouldBe(0, rerun.Output + rerun.Error);
        rerun.Output.ShouldContain("e2e on qa-gcp");
        sandbox.GitLab.MergeRequests.ShouldHaveSingleItem().Iid.ShouldBe(request.Iid);
        sandbox.OriginGit("rev-parse", Branch).ShouldBe(head);
        sandbox.OriginBranches().Count.ShouldBe(2);
        AssertTokenNowhere(sandbox);
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("nightly")]
    public async Task Prod_and_nightly_are_refused_with_exit_2_before_any_e2e_run(string stage)
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");

        var result = sandbox.Build("OpenPromotionMR", "--stage", stage, "--cloud", "gcp");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        result.Error.Trim().ShouldBe($"error: {stage} is never promoted: it has no next stage in environments/stages.yaml; --stage may be qa, qa-int");
        result.Output.ShouldNotContain("e2e on");
        sandbox.GitLab.MergeRequests.ShouldBeEmpty();
        sandbox.OriginBranches().ShouldBe(["main"]);
    }

    [Fact]
    public async Task A_failed_e2e_run_is_recorded_and_quarantined_and_the_promotion_is_refused_without_an_mr()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");
        var failing = new Dictionary<string, string?> { ["E2E_SIMULATE_FAILURE"] = "1" };

        var e2e = sandbox.Build(failing, "RunE2E", "--stage", "qa", "--cloud", "gcp", "--e2e-base-url", sandbox.EnvironmentUrl);
        var promotion = sandbox.Build("OpenPromotionMR", "--stage", "qa", "--cloud", "gcp", "--skip", "RunE2E");

        e2e.ExitCode.ShouldBe(1, e2e.Output + e2e.Error);
        e2e.Output.ShouldContain("e2e failed on qa-gcp for release 1.4.2: failed: 4 tests, 1 failures");
        File.ReadAllText(Path.Combine(sandbox.Root, ".nuke/temp/e2e/qa-gcp.json")).ShouldContain("\"result\": \"failed\"");
        promotion.ExitCode.ShouldBe(1, promotion.Output + promotion.Error);
        promotion.Output.ShouldContain("Not promoting qa -> qa-int: e2e failed on qa-gcp");
        var quarantine = sandbox.GitLab.MergeRequests.ShouldHaveSingleItem();
        quarantine.SourceBranch.ShouldBe("quarantine/1.4.2");
        sandbox.OriginBranches().ShouldBe(["main", "quarantine/1.4.2"], ignoreOrder: true);
        AssertTokenNowhere(sandbox);
    }

    [Fact]
    public async Task The_release_entry_moves_qa_without_e2e_and_rejects_what_is_not_semver_or_already_there()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");

        var release = sandbox.Build("OpenPromotionMR", "--version", "1.5.0");
        var notSemVer = sandbox.Build("OpenPromotionMR", "--version", "v1.5");
        var already = sandbox.Build("OpenPromotionMR", "--version", "1.4.2");

        release.ExitCode.ShouldBe(0, release.Output + release.Error);
        release.Output.ShouldNotContain("e2e on");
        sandbox.OriginGit("diff", "--numstat", "main", "promote/qa-1.5.0").Trim().ShouldBe("1\t1\tenvironments/qa/values-qa-gcp.yaml");
        sandbox.GitLab.MergeRequests.ShouldHaveSingleItem().Title.ShouldBe("Promote 1.5.0 to qa");
        notSemVer.ExitCode.ShouldBe(2);
        notSemVer.Error.ShouldContain("--version: 'v1.5' is not a SemVer release version");
        notSemVer.Output.ShouldBeEmpty("refused before anything ran");
        already.ExitCode.ShouldBe(0, already.Output + already.Error);
        already.Output.ShouldContain("qa already runs 1.4.2");
        sandbox.GitLab.MergeRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Rollback_to_a_version_the_stage_never_ran_exits_2_and_opens_nothing()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");

        var result = sandbox.Build("Rollback", "--stage", "qa", "--to", "0.0.1");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        result.Output.ShouldContain("Cannot roll back qa to 0.0.1: environments/qa/values-qa-gcp.yaml never held it");
        sandbox.GitLab.MergeRequests.ShouldBeEmpty();
        sandbox.OriginBranches().ShouldBe(["main"]);
    }

    private static string[] ChangedLines(string diff) =>
        [.. diff.Split('\n').Where(line => (line.StartsWith('+') || line.StartsWith('-')) && !line.StartsWith("+++", StringComparison.Ordinal) && !line.StartsWith("---", StringComparison.Ordinal))];

    /// <summary>GITLAB_TOKEN in no output, not in build.log, and in no file left behind except 0600 secret files.</summary>
    /// <summary>
    /// GitLab gives trigger variables precedence over its predefined ones: a trigger setting CI_API_V4_URL (or
    /// CI_SERVER_URL, which the push URL is built from) would send GITLAB_TOKEN to a host of its choosing. The job
    /// refuses in one line before anything runs; the other host hears nothing and nothing is pushed.
    /// </summary>
    [Theory]
    [InlineData("CI_API_V4_URL")]
    [InlineData("CI_SERVER_URL")]
    public async Task A_trigger_variable_redirecting_GitLab_is_refused_before_the_token_goes_anywhere(string variable)
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");
        await using var elsewhere = await FakeGitLab.StartAsync();
        var redirect = new Dictionary<string, string?>
        {
            [variable] = variable == "CI_API_V4_URL" ? elsewhere.ApiUrl.ToString() : elsewhere.WebUrl.ToString().TrimEnd('/'),
        };

        var result = sandbox.Build(redirect, "OpenPromotionMR", "--stage", "qa", "--cloud", "gcp", "--skip", "RunE2E");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        result.Error.Trim().ShouldStartWith($"error: {variable} is '");
        result.Error.Trim().ShouldContain("a pipeline variable may not send the GitLab token elsewhere. Nothing was run.");
        result.Error.Trim().Split('\n').Length.ShouldBe(1);
        elsewhere.Requests.ShouldBeEmpty();
        sandbox.GitLab.Requests.ShouldBeEmpty();
        sandbox.OriginBranches().ShouldBe(["main"]);
    }

    private static void AssertTokenNowhere(PromotionSandbox sandbox)
    {
        var token = sandbox.GitLab.MaintainerToken;
        foreach (var run in sandbox.Runs)
        {
            run.Output.ShouldNotContain(token);
            run.Error.ShouldNotContain(token);
        }

        File.ReadAllText(Path.Combine(sandbox.Root, ".nuke/temp/build.log")).ShouldNotContain(token);
        var needle = Encoding.UTF8.GetBytes(token);
        var leaks = Directory.EnumerateFiles(sandbox.Parent, "*", SearchOption.AllDirectories)
            .Where(path => !IsPrebuilt(Path.GetRelativePath(sandbox.Root, path)))
            .Where(path => File.ReadAllBytes(path).AsSpan().IndexOf(needle) >= 0)
            .Where(path => OperatingSystem.IsWindows() || File.GetUnixFileMode(path) != (UnixFileMode.UserRead | UnixFileMode.UserWrite))
            .ToList();
        leaks.ShouldBeEmpty();
    }

    // Compiled before the runs under test (the build, helm, kubectl): large and unable to hold a runtime token.
    private static bool IsPrebuilt(string relative) =>
        relative.StartsWith(".nuke/tools/", StringComparison.Ordinal) || relative.StartsWith(".nuke/temp/build-bin/", StringComparison.Ordinal)
        || relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal);

    [Fact]
    public void E2e_refuses_when_the_trigger_reports_another_release_than_the_checkout_holds()
    {
        var result = clone.BuildSh(new Dictionary<string, string?> { ["RELEASE"] = "9.9.9" }, "RunE2E", "--stage", "qa", "--cloud", "gcp", "--pipeline", "--no-logo");
        result.ExitCode.ShouldBe(1);
        result.Output.ShouldContain("the trigger reports release 9.9.9 synced to qa-gcp, but environments/qa/values-qa-gcp.yaml in this checkout holds 1.4.2");
        File.Exists(Path.Combine(clone.Root, ".nuke", "temp", "e2e", "qa-gcp.json")).ShouldBeFalse("no e2e record for a release that was not tested");
    }
}
