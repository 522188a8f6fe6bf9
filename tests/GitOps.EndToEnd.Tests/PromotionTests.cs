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
    // qa-int's release and pin are both in its parent file.
    private const string QaIntParent = "environments/qa-int/app-of-apps-qa-int.yaml";

    [Fact]
    public async Task Passing_e2e_then_promotion_pushes_one_version_line_and_one_merge_request_however_often_it_runs()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");
        var pin = Pin(sandbox, "qa");
        var branch = $"promote/qa-int-1.4.2-{pin[..12]}";
        var e2e = sandbox.Build("RunE2E", "--stage", "qa", "--cloud", "gcp", "--e2e-base-url", sandbox.EnvironmentUrl);
        e2e.ExitCode.ShouldBe(0, e2e.Output + e2e.Error);
        File.ReadAllText(Path.Combine(sandbox.Root, ".nuke/temp/e2e/qa-gcp.junit.xml")).ShouldContain("environment runs release 1.4.2");
        File.ReadAllText(Path.Combine(sandbox.Root, ".nuke/temp/e2e/qa-gcp.json")).ShouldContain("\"result\": \"passed\"");
        File.ReadAllText(Path.Combine(sandbox.Root, ".nuke/temp/e2e/qa-gcp.json")).ShouldContain($"\"revision\": \"{pin}\"");

        var promotion = sandbox.Build("OpenPromotionMR", "--stage", "qa", "--cloud", "gcp", "--skip", "RunE2E");

        promotion.ExitCode.ShouldBe(0, promotion.Output + promotion.Error);
        // qa and qa-int are pinned to the same commit, so only the release moves.
        sandbox.OriginBranches().ShouldBe(["main", branch], ignoreOrder: true);
        sandbox.OriginGit("rev-list", "--count", $"main..{branch}").Trim().ShouldBe("1");
        sandbox.OriginGit("diff", "--numstat", "main", branch).Trim().ShouldBe($"1\t1\t{QaIntParent}");
        ChangedLines(sandbox.OriginGit("diff", "-U0", "main", branch)).ShouldBe(["-            value: \"1.4.1\"", "+            value: \"1.4.2\""]);
        var request = sandbox.GitLab.MergeRequests.ShouldHaveSingleItem();
        request.Title.ShouldBe($"Promote 1.4.2 at {pin[..12]} to qa-int");
        (request.SourceBranch, request.TargetBranch).ShouldBe((branch, "main"));
        request.Description.ShouldContain($"- **qa-gcp** `1.4.2 at {pin[..12]}` passed: 3 tests, 0 failures, 0 errors, 0 skipped");
        var rendered = request.Description[request.Description.IndexOf("### Rendered manifest diff", StringComparison.Ordinal)..];
        rendered.ShouldContain("```diff");
        rendered.Split('\n').ShouldContain(line => line.StartsWith('-') && line.Contains("1.4.1", StringComparison.Ordinal));
        rendered.Split('\n').ShouldContain(line => line.StartsWith('+') && line.Contains("1.4.2", StringComparison.Ordinal));
        var head = sandbox.OriginGit("rev-parse", branch);

        // As the issue says it: only the stage; RunE2E then covers every cloud of qa before the promotion.
        var rerun = sandbox.Build("OpenPromotionMR", "--stage", "qa", "--e2e-base-url", sandbox.EnvironmentUrl);

        rerun.ExitCode.ShouldBe(0, rerun.Output + rerun.Error);
        rerun.Output.ShouldContain("e2e on qa-gcp");
        sandbox.GitLab.MergeRequests.ShouldHaveSingleItem().Iid.ShouldBe(request.Iid);
        sandbox.OriginGit("rev-parse", branch).ShouldBe(head);
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
        var pin = Pin(sandbox, "qa");
        var failing = new Dictionary<string, string?> { ["E2E_SIMULATE_FAILURE"] = "1" };

        var e2e = sandbox.Build(failing, "RunE2E", "--stage", "qa", "--cloud", "gcp", "--e2e-base-url", sandbox.EnvironmentUrl);
        var promotion = sandbox.Build("OpenPromotionMR", "--stage", "qa", "--cloud", "gcp", "--skip", "RunE2E");

        e2e.ExitCode.ShouldBe(1, e2e.Output + e2e.Error);
        e2e.Output.ShouldContain($"e2e failed on qa-gcp for 1.4.2 at {pin[..12]}: failed: 4 tests, 1 failures");
        File.ReadAllText(Path.Combine(sandbox.Root, ".nuke/temp/e2e/qa-gcp.json")).ShouldContain("\"result\": \"failed\"");
        promotion.ExitCode.ShouldBe(1, promotion.Output + promotion.Error);
        promotion.Output.ShouldContain("Not promoting qa -> qa-int: e2e failed on qa-gcp");
        var quarantine = sandbox.GitLab.MergeRequests.ShouldHaveSingleItem();
        quarantine.SourceBranch.ShouldBe("quarantine/1.4.2");
        sandbox.OriginBranches().ShouldBe(["main", "quarantine/1.4.2"], ignoreOrder: true);
        sandbox.OriginGit("show", "quarantine/1.4.2:environments/rejected-releases.yaml").ShouldContain($"revision: \"{pin}\"", customMessage: "the pair is quarantined");
        AssertTokenNowhere(sandbox);
    }

    [Fact]
    public async Task The_release_entry_moves_qa_to_the_release_at_this_commit_and_the_same_release_at_a_new_commit_moves_only_the_pin()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");
        var head = sandbox.Git("rev-parse", "HEAD").Trim();
        const string QaPins = "environments/qa/app-of-apps-qa.yaml";

        var release = sandbox.Build("OpenPromotionMR", "--version", "1.5.0");
        var notSemVer = sandbox.Build("OpenPromotionMR", "--version", "v1.5");
        var configurationOnly = sandbox.Build("OpenPromotionMR", "--version", "1.4.2");

        release.ExitCode.ShouldBe(0, release.Output + release.Error);
        release.Output.ShouldNotContain("e2e on");
        sandbox.OriginGit("diff", "--numstat", "main", $"promote/qa-1.5.0-{head[..12]}").Trim().Split('\n')
            .ShouldBe([$"3\t3\t{QaPins}"], "release, chart pin and values pin: one file");
        sandbox.GitLab.MergeRequests[0].Title.ShouldBe($"Promote 1.5.0 at {head[..12]} to qa");
        notSemVer.ExitCode.ShouldBe(2);
        notSemVer.Error.ShouldContain("--version: 'v1.5' is not a SemVer release version");
        notSemVer.Output.ShouldBeEmpty("refused before anything ran");
        configurationOnly.ExitCode.ShouldBe(0, configurationOnly.Output + configurationOnly.Error);
        sandbox.OriginGit("diff", "--numstat", "main", $"promote/qa-1.4.2-{head[..12]}").Trim().ShouldBe($"2\t2\t{QaPins}", "chart and values pins");
        sandbox.GitLab.MergeRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_promotion_to_an_older_release_exits_2_naming_the_stage_both_pairs_and_rollback_and_pushes_nothing()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");
        var pin = Pin(sandbox, "qa");

        var result = sandbox.Build("OpenPromotionMR", "--version", "1.0.0");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        var head = sandbox.Git("rev-parse", "HEAD").Trim();
        result.Output.ShouldContain($"Not moving qa from 1.4.2 at {pin[..12]} to 1.0.0 at {head[..12]}: that is an older release; go back with Rollback --stage qa --to 1.0.0");
        sandbox.GitLab.MergeRequests.ShouldBeEmpty();
        sandbox.OriginBranches().ShouldBe(["main"]);
    }

    [Fact]
    public async Task Rollback_to_a_version_the_stage_never_ran_exits_2_and_opens_nothing()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");

        var result = sandbox.Build("Rollback", "--stage", "qa", "--to", "0.0.1");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        result.Output.ShouldContain("Cannot roll back qa to 0.0.1: environments/qa/app-of-apps-qa.yaml never held it");
        sandbox.GitLab.MergeRequests.ShouldBeEmpty();
        sandbox.OriginBranches().ShouldBe(["main"]);
    }

    private static string Pin(PromotionSandbox sandbox, string stage) =>
        File.ReadLines(Path.Combine(sandbox.Root, $"environments/{stage}/app-of-apps-{stage}.yaml"))
            .Select(line => line.Trim())
            .First(line => line.StartsWith("targetRevision:", StringComparison.Ordinal) && !line.EndsWith("main", StringComparison.Ordinal))["targetRevision:".Length..].Trim();

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
        // As qa's hook posts it: the release with the commit Argo CD synced, here the checkout's own pin.
        var pin = File.ReadLines(Path.Combine(clone.Root, "environments/qa/app-of-apps-qa.yaml")).Select(line => line.Trim())
            .First(line => line.StartsWith("targetRevision:", StringComparison.Ordinal) && !line.EndsWith("main", StringComparison.Ordinal))["targetRevision:".Length..].Trim();

        var result = clone.BuildSh(new Dictionary<string, string?> { ["RELEASE"] = "9.9.9", ["REVISION"] = pin }, "RunE2E", "--stage", "qa", "--cloud", "gcp", "--pipeline", "--no-logo");

        result.ExitCode.ShouldBe(1, result.Output + result.Error);
        result.Output.ShouldContain("the trigger reports release 9.9.9 synced to qa-gcp, but environments/qa/app-of-apps-qa.yaml in this checkout holds 1.4.2");
        File.Exists(Path.Combine(clone.Root, ".nuke", "temp", "e2e", "qa-gcp.json")).ShouldBeFalse("no e2e record for a release that was not tested");
    }

    /// <summary>
    /// Review F4: a promoted stage's hook posts RELEASE and REVISION together, so RELEASE alone would record a pass for a
    /// pair nobody compared with what the environment runs. Refused before anything runs, in a pipeline (where an empty
    /// input arrives as an empty variable) and locally, with nothing recorded and no MR opened.
    /// </summary>
    [Fact]
    public void E2e_on_a_promoted_stage_refuses_a_release_without_its_revision_before_anything_runs()
    {
        var trigger = new Dictionary<string, string?> { ["RELEASE"] = "1.4.2", ["REVISION"] = string.Empty };
        var record = Path.Combine(clone.Root, ".nuke", "temp", "e2e", "qa-gcp.json");

        var pipeline = clone.BuildSh(trigger, "RunE2E", "--stage", "qa", "--cloud", "gcp", "--pipeline", "--no-logo");
        var promotion = clone.BuildSh(trigger, "OpenPromotionMR", "--stage", "qa", "--cloud", "gcp", "--pipeline", "--no-logo");
        var local = clone.BuildSh(new Dictionary<string, string?>(), "RunE2E", "--stage", "qa-int", "--cloud", "gcp", "--release", "1.4.1", "--no-logo");

        pipeline.ExitCode.ShouldBe(2, pipeline.Output + pipeline.Error);
        pipeline.Error.Trim().ShouldBe("error: REVISION (--revision) is empty, but RELEASE is 1.4.2: qa is pinned, and its PostSync hook posts the commit Argo CD "
            + "synced (ARGOCD_APP_REVISION) with the release, so RunE2E can check that qa runs the pair this checkout pins; trigger with REVISION set to that "
            + "40-hex commit. Nothing was run.");
        pipeline.Output.ShouldNotContain("e2e on");
        promotion.ExitCode.ShouldBe(2, promotion.Output + promotion.Error);
        promotion.Error.Trim().ShouldBe(pipeline.Error.Trim());
        local.ExitCode.ShouldBe(2, local.Output + local.Error);
        local.Error.Trim().ShouldBe("error: --release 1.4.1 without --revision: qa-int is pinned, so RunE2E checks the pair Argo CD synced; give --revision "
            + "<the 40-hex commit Argo CD synced (ARGOCD_APP_REVISION)>, or leave out --release to test the pair this checkout pins. Nothing was run.");
        File.Exists(record).ShouldBeFalse("no e2e record for a pair that was not checked");
        File.Exists(Path.Combine(clone.Root, ".nuke", "temp", "e2e", "qa-int-gcp.json")).ShouldBeFalse();
    }

    [Fact]
    public void E2e_refuses_when_the_trigger_reports_another_revision_than_the_checkout_pins()
    {
        const string Other = "1111111111111111111111111111111111111111";
        var pin = File.ReadLines(Path.Combine(clone.Root, "environments/qa/app-of-apps-qa.yaml")).Select(line => line.Trim())
            .First(line => line.StartsWith("targetRevision:", StringComparison.Ordinal) && !line.EndsWith("main", StringComparison.Ordinal))["targetRevision:".Length..].Trim();

        var result = clone.BuildSh(new Dictionary<string, string?> { ["RELEASE"] = "1.4.2", ["REVISION"] = Other }, "RunE2E", "--stage", "qa", "--cloud", "gcp", "--pipeline", "--no-logo");
        var malformed = clone.BuildSh(new Dictionary<string, string?> { ["REVISION"] = "main" }, "RunE2E", "--stage", "qa", "--cloud", "gcp", "--pipeline", "--no-logo");

        result.ExitCode.ShouldBe(1);
        result.Output.ShouldContain($"the trigger reports revision {Other} synced to qa-gcp, but environments/qa/app-of-apps-qa.yaml in this checkout pins {pin}");
        File.Exists(Path.Combine(clone.Root, ".nuke", "temp", "e2e", "qa-gcp.json")).ShouldBeFalse("no e2e record for a pair that was not tested");
        malformed.ExitCode.ShouldBe(2);
        malformed.Error.Trim().ShouldBe("error: --revision (REVISION): 'main' is not a full commit SHA; the PostSync hook passes ARGOCD_APP_REVISION, 40 lowercase hex digits (64 in a SHA-256 repository)");
    }
}
