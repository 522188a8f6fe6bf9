using GitOps.Platform.Promotion;

namespace GitOps.Platform.Tests.Promotion;

public sealed class PromotionFlowTests : IDisposable
{
    private const string Branch = "promote/qa-int-1.3.0";
    private static readonly string[] QaIntFiles = ["environments/values-qa-int-gcp.yaml", "environments/values-qa-int-aws.yaml"];
    private readonly PromotionRepository repository = new();

    public void Dispose() => repository.Dispose();

    private static E2eRecord[] Passed(string version = "1.3.0") =>
        [PromotionRepository.Record("gcp", version, E2eResult.Passed), PromotionRepository.Record("aws", version, E2eResult.Passed)];

    [Fact]
    public async Task Passing_e2e_pushes_one_branch_whose_diff_is_only_the_version_of_each_next_stage_file()
    {
        await repository.InitializeAsync("1.3.0", "1.2.0");
        var plan = PromotionPlanner.Plan(await repository.QaRequestAsync(Passed())) with { RenderedDiff = "-image: a\n+image: b" };

        var outcome = await repository.Executor().ExecuteAsync(plan, CancellationToken.None);

        outcome.Pushed.ShouldBeTrue();
        (await repository.Sandbox.RemoteBranchesAsync()).ShouldBe(["main", Branch], ignoreOrder: true);
        foreach (var path in QaIntFiles)
        {
            (await repository.RemoteBytesAsync(Branch, path)).ShouldBe(PromotionRepository.Render(path, "1.3.0"));
        }

        var changed = await repository.Sandbox.Git.In(repository.Sandbox.RemotePath).RunAsync(["diff", "--name-only", "main", Branch], CancellationToken.None);
        changed.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(QaIntFiles, ignoreOrder: true);
        var draft = repository.Host.OpenRequests.ShouldHaveSingleItem();
        draft.Title.ShouldBe("Promote 1.3.0 to qa-int");
        draft.TargetBranch.ShouldBe("main");
        draft.Description.ShouldContain("`1.2.0` | `1.3.0`");
        draft.Description.ShouldContain("qa-gcp** `1.3.0` passed: 3 tests");
        draft.Description.ShouldContain("+image: b");
    }

    [Fact]
    public async Task Rerunning_the_same_promotion_adds_no_commit_and_updates_the_same_merge_request()
    {
        await repository.InitializeAsync("1.3.0", "1.2.0");
        var first = await repository.Executor().ExecuteAsync(PromotionPlanner.Plan(await repository.QaRequestAsync(Passed())), CancellationToken.None);

        var second = await repository.Executor().ExecuteAsync(PromotionPlanner.Plan(await repository.QaRequestAsync(Passed())), CancellationToken.None);

        second.Pushed.ShouldBeFalse();
        second.Commit.ShouldBe(first.Commit);
        (await repository.Sandbox.Git.In(repository.Sandbox.RemotePath).RevParseAsync(Branch, CancellationToken.None)).ShouldBe(first.Commit);
        repository.Host.Calls.Count.ShouldBe(2);
        repository.Host.OpenRequests.ShouldHaveSingleItem();
        second.ChangeRequest!.Number.ShouldBe(first.ChangeRequest!.Number);
        second.ChangeRequest.Created.ShouldBeFalse();
    }

    [Fact]
    public async Task A_release_already_on_the_next_stage_is_a_no_op()
    {
        await repository.InitializeAsync("1.3.0", "1.3.0");

        var plan = PromotionPlanner.Plan(await repository.QaRequestAsync([]));
        var outcome = await repository.Executor().ExecuteAsync(plan, CancellationToken.None);

        plan.IsNoOp.ShouldBeTrue();
        outcome.IsNoOp.ShouldBeTrue();
        (await repository.Sandbox.RemoteBranchesAsync()).ShouldBe(["main"]);
        repository.Host.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task Failed_e2e_is_refused_and_the_release_is_quarantined_by_merge_request()
    {
        await repository.InitializeAsync("1.3.0", "1.2.0");
        E2eRecord[] records = [PromotionRepository.Record("gcp", "1.3.0", E2eResult.Failed), PromotionRepository.Record("aws", "1.3.0", E2eResult.Passed)];

        var refusal = Should.Throw<PromotionRefusedException>(async () => PromotionPlanner.Plan(await repository.QaRequestAsync(records)));
        var quarantine = new ReleaseQuarantine(repository.Sandbox.Git, repository.Host, GitOps.Targets.Output.NullLog.Instance) { Settings = repository.Settings };
        var request = await quarantine.RecordAsync(new RejectedRelease("1.3.0", "qa", "gcp", "1 of 3 tests failed", DateTimeOffset.UnixEpoch), CancellationToken.None);

        refusal.Reason.ShouldBe(RefusalReason.E2eFailed);
        refusal.IsUsageError.ShouldBeFalse();
        refusal.Message.ShouldContain("e2e failed on qa-gcp");
        (await repository.Sandbox.RemoteBranchesAsync()).ShouldNotContain(Branch);
        request.ShouldNotBeNull().Created.ShouldBeTrue();
        var recorded = RejectedReleases.Parse(await repository.RemoteBytesAsync("quarantine/1.3.0", RejectedReleases.RelativePath));
        recorded.Find(ReleaseVersion.Parse("1.3.0")).ShouldNotBeNull().Reason.ShouldBe("1 of 3 tests failed");
    }

    [Fact]
    public async Task A_rejected_release_is_not_promoted_again_unless_forced()
    {
        await repository.InitializeAsync("1.3.0", "1.2.0");
        var rejected = RejectedReleases.Parse(RejectedReleases.Append(null, new RejectedRelease("1.3.0", "qa", "aws", "smoke failed", DateTimeOffset.UnixEpoch)));

        var refusal = Should.Throw<PromotionRefusedException>(async () => PromotionPlanner.Plan(await repository.QaRequestAsync(Passed(), rejected)));
        var forced = PromotionPlanner.Plan(await repository.QaRequestAsync(Passed(), rejected) with { Force = true });

        refusal.Reason.ShouldBe(RefusalReason.Rejected);
        forced.Edits.Count.ShouldBe(2);
        forced.Description.ShouldContain("--force: promoting although Release 1.3.0 is rejected");
    }

    [Fact]
    public async Task Missing_e2e_is_refused_and_force_overrides_it_with_a_warning_in_the_description()
    {
        await repository.InitializeAsync("1.3.0", "1.2.0");

        var refusal = Should.Throw<PromotionRefusedException>(async () => PromotionPlanner.Plan(await repository.QaRequestAsync(Passed("1.2.9"))));
        var forced = PromotionPlanner.Plan(await repository.QaRequestAsync([]) with { Force = true });

        refusal.Reason.ShouldBe(RefusalReason.E2eMissing);
        refusal.Message.ShouldContain("qa-gcp was last tested on 1.2.9");
        forced.Warnings.ShouldHaveSingleItem().ShouldContain("qa-gcp has no e2e record");
        forced.Description.ShouldContain("--force: promoting without passing e2e tests");
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("nightly")]
    public void Stages_without_a_next_stage_are_refused_as_usage_errors(string stage)
    {
        var request = new PromotionRequest(stage, null, [new StageValuesFile("gcp", "v.yaml", "deployedRelease: 1.0.0\n")], [], [], RejectedReleases.None);

        var refusal = Should.Throw<PromotionRefusedException>(() => PromotionPlanner.Plan(request));

        refusal.IsUsageError.ShouldBeTrue();
        refusal.Message.ShouldStartWith($"Stage '{stage}' is never promoted");
    }

    [Fact]
    public void Clouds_running_different_releases_are_refused()
    {
        var request = new PromotionRequest("qa", "qa-int",
            [new StageValuesFile("gcp", "a.yaml", "deployedRelease: 1.0.0\n"), new StageValuesFile("aws", "b.yaml", "deployedRelease: 1.1.0\n")],
            [new StageValuesFile("gcp", "c.yaml", "deployedRelease: 0.9.0\n")], [], RejectedReleases.None);

        Should.Throw<PromotionRefusedException>(() => PromotionPlanner.Plan(request)).Reason.ShouldBe(RefusalReason.InconsistentSource);
    }

    [Fact]
    public async Task A_release_entry_moves_the_first_stage_and_rejects_a_non_semver_version()
    {
        await repository.InitializeAsync("1.2.0", "1.1.0");

        var plan = PromotionPlanner.PlanRelease("2.0.0-rc.1", "qa", await repository.FilesAsync("qa"), RejectedReleases.None, force: false);
        var refusal = Should.Throw<PromotionRefusedException>(async () =>
            PromotionPlanner.PlanRelease("v2.0", "qa", await repository.FilesAsync("qa"), RejectedReleases.None, force: false));

        plan.BranchName.ShouldBe("promote/qa-2.0.0-rc.1");
        plan.Title.ShouldBe("Promote 2.0.0-rc.1 to qa");
        plan.Edits.Select(edit => edit.EditedText).ShouldBe(
            [PromotionRepository.Render("environments/values-qa-gcp.yaml", "2.0.0-rc.1"), PromotionRepository.Render("environments/values-qa-aws.yaml", "2.0.0-rc.1")]);
        refusal.IsUsageError.ShouldBeTrue();
        refusal.Message.ShouldBe("--version: 'v2.0' is not a SemVer release version; expected MAJOR.MINOR.PATCH[-prerelease][+build], e.g. 1.4.2 (drop the leading 'v')");
    }
}
