using GitOps.Platform.ChangeRequests;
using GitOps.Platform.GitLab;
using GitOps.TestDoubles.GitLab;

namespace GitOps.Platform.Tests.GitLab;

public sealed class GitLabCodeOwnerApprovalTests
{
    private static readonly ChangeRequestDraft ProdDraft =
        new("promote/prod-1.4.0", "main", "Promote 1.4.0 to prod", "e2e passed on stage") { RequiresCodeOwnerApproval = true };

    [Fact]
    public async Task A_merge_request_needing_code_owners_carries_the_label_and_the_note_once_across_reruns()
    {
        await using var fake = await FakeGitLab.StartAsync();
        using var client = GitLabTestClient.Create(fake);

        var first = await client.OpenOrUpdateAsync(ProdDraft with { Labels = ["release"] }, CancellationToken.None);
        var created = fake.MergeRequests.ShouldHaveSingleItem();
        var second = await client.OpenOrUpdateAsync(ProdDraft, CancellationToken.None);

        first.Created.ShouldBeTrue();
        second.Number.ShouldBe(first.Number);
        created.Labels.Split(',').ShouldBe(["release", GitLabClient.CodeOwnerApprovalLabel]);
        var updated = fake.MergeRequests.ShouldHaveSingleItem();
        updated.Labels.Split(',').ShouldBe(["release", GitLabClient.CodeOwnerApprovalLabel]);
        updated.Description.ShouldStartWith("> **Code-owner approval required.**");
        updated.Description.ShouldEndWith("e2e passed on stage");
        updated.Description.Split("Code-owner approval required").Length.ShouldBe(2);
        updated.AutoMerge.ShouldBeFalse();
    }

    [Fact]
    public async Task Auto_merge_set_on_the_open_merge_request_is_cancelled_when_code_owners_must_approve()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddMergeRequest(ProdDraft.SourceBranch, ProdDraft.TargetBranch, "old title", autoMerge: true);
        using var client = GitLabTestClient.Create(fake);

        var result = await client.OpenOrUpdateAsync(ProdDraft, CancellationToken.None);

        result.Created.ShouldBeFalse();
        fake.MergeRequests.ShouldHaveSingleItem().AutoMerge.ShouldBeFalse();
        fake.Requests.ShouldContain(request => request.Method == "POST"
            && request.Path.EndsWith("/merge_requests/1/cancel_merge_when_pipeline_succeeds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_draft_without_the_requirement_leaves_auto_merge_labels_and_description_alone()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddMergeRequest(ProdDraft.SourceBranch, ProdDraft.TargetBranch, "old title", autoMerge: true);
        using var client = GitLabTestClient.Create(fake);

        await client.OpenOrUpdateAsync(ProdDraft with { RequiresCodeOwnerApproval = false }, CancellationToken.None);

        var only = fake.MergeRequests.ShouldHaveSingleItem();
        only.AutoMerge.ShouldBeTrue();
        only.Labels.ShouldBeEmpty();
        only.Description.ShouldBe("e2e passed on stage");
    }
}
