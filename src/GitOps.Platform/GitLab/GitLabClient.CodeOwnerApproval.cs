using GitOps.Platform.ChangeRequests;
using GitOps.Platform.GitLab.Http;
using GitOps.Targets.Output;

namespace GitOps.Platform.GitLab;

/// <summary>
/// Code-owner approval on GitLab. The API has no field that asks for a code owner's approval of one merge request:
/// GitLab requires it when the target branch is protected with "Require approval from code owners" and CODEOWNERS
/// names owners for the changed files. All the client can truthfully do is keep the merge request off auto-merge and
/// make the requirement visible with a label and a note in the description.
/// </summary>
public sealed partial class GitLabClient
{
    /// <summary>The label put on merge requests that must wait for a code owner.</summary>
    public const string CodeOwnerApprovalLabel = "prod-promotion";

    internal const string CodeOwnerApprovalNote =
        "> **Code-owner approval required.** Do not set this merge request to auto-merge; GitLab enforces the approval "
        + "of a code owner through the target branch's protection and CODEOWNERS.";

    private static ChangeRequestDraft WithCodeOwnerMarks(ChangeRequestDraft draft)
    {
        if (!draft.RequiresCodeOwnerApproval)
        {
            return draft;
        }

        var description = draft.Description.Contains(CodeOwnerApprovalNote, StringComparison.Ordinal)
            ? draft.Description
            : $"{CodeOwnerApprovalNote}\n\n{draft.Description}";
        var labels = draft.Labels.Contains(CodeOwnerApprovalLabel, StringComparer.Ordinal)
            ? draft.Labels
            : [.. draft.Labels, CodeOwnerApprovalLabel];
        return draft with { Description = description, Labels = labels };
    }

    // Opening a merge request never enables auto-merge, but someone may have set it on the one being updated.
    private async Task<MergeRequest> KeepOffAutoMergeAsync(MergeRequest mergeRequest, CancellationToken cancellationToken)
    {
        if (!mergeRequest.MergeWhenPipelineSucceeds)
        {
            return mergeRequest;
        }

        var request = new GitLabRequest(HttpMethod.Post, MergeRequestPath(mergeRequest.Iid) + "/cancel_merge_when_pipeline_succeeds");
        var cancelled = await transport.SendAsync(
            request,
            Read(request, GitLabJsonContext.Default.MergeRequest),
            async token => await GetMergeRequestAsync(mergeRequest.Iid, token) is { MergeWhenPipelineSucceeds: false } found ? found : null,
            cancellationToken);
        log.Warning($"Merge request !{mergeRequest.Iid} was set to auto-merge; cancelled because it needs a code owner's approval");
        return cancelled;
    }

    private Task<MergeRequest> GetMergeRequestAsync(int iid, CancellationToken cancellationToken)
    {
        var request = new GitLabRequest(HttpMethod.Get, MergeRequestPath(iid)) { JobTokenAllowed = true };
        return transport.SendAsync(request, Read(request, GitLabJsonContext.Default.MergeRequest), null, cancellationToken);
    }
}
