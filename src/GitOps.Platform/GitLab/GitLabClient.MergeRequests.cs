using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GitOps.Platform.ChangeRequests;
using GitOps.Platform.GitLab.Http;
using GitOps.Targets.Output;

namespace GitOps.Platform.GitLab;

public sealed partial class GitLabClient : IChangeRequestHost
{
    /// <summary>
    /// Opens the merge request, or updates the open one with the same source and target branch. A draft that requires
    /// code-owner approval is labelled and noted as such and is never left set to auto-merge.
    /// </summary>
    public async Task<ChangeRequest> OpenOrUpdateAsync(ChangeRequestDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft = WithCodeOwnerMarks(draft);
        var existing = await FindOpenMergeRequestAsync(draft.SourceBranch, draft.TargetBranch, cancellationToken);
        var (mergeRequest, created) = existing is null
            ? await CreateOrRecoverAsync(draft, cancellationToken)
            : (await UpdateAsync(existing.Iid, draft, cancellationToken), false);
        if (draft.RequiresCodeOwnerApproval)
        {
            mergeRequest = await KeepOffAutoMergeAsync(mergeRequest, cancellationToken);
        }

        log.Info($"{(created ? "Opened" : "Updated")} merge request !{mergeRequest.Iid} ({draft.SourceBranch} -> {draft.TargetBranch})");
        return new ChangeRequest(mergeRequest.Iid, mergeRequest.WebUrl ?? string.Empty, created);
    }

    public async Task<MergeRequest?> FindOpenMergeRequestAsync(
        string sourceBranch, string targetBranch, CancellationToken cancellationToken)
    {
        var request = new GitLabRequest(HttpMethod.Get, ProjectPath() + "/merge_requests")
        {
            Query = "state=opened&source_branch=" + Uri.EscapeDataString(sourceBranch)
                + "&target_branch=" + Uri.EscapeDataString(targetBranch),
            JobTokenAllowed = true,
        };
        var found = await transport.SendAsync(request, Read(request, GitLabJsonContext.Default.ListMergeRequest), null, cancellationToken);
        return found.FirstOrDefault(mergeRequest => mergeRequest.SourceBranch == sourceBranch
            && mergeRequest.TargetBranch == targetBranch);
    }

    /// <summary>
    /// Creates a merge request. When GitLab answers 409 because one is already open for the branch, that one is
    /// updated instead; when an attempt may have succeeded, GitLab is asked before trying again.
    /// </summary>
    public async Task<MergeRequest> CreateMergeRequestAsync(ChangeRequestDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return (await CreateOrRecoverAsync(WithCodeOwnerMarks(draft), cancellationToken)).MergeRequest;
    }

    public Task<MergeRequest> UpdateMergeRequestAsync(int iid, string title, string description, CancellationToken cancellationToken) =>
        SendUpdateAsync(iid, new UpdateMergeRequestBody(title, description, AddLabels: null), cancellationToken);

    // Labels are added, not replaced, so labels a reviewer put on the merge request stay.
    private Task<MergeRequest> UpdateAsync(int iid, ChangeRequestDraft draft, CancellationToken cancellationToken) =>
        SendUpdateAsync(iid, new UpdateMergeRequestBody(draft.Title, draft.Description, JoinLabels(draft.Labels)), cancellationToken);

    private Task<MergeRequest> SendUpdateAsync(int iid, UpdateMergeRequestBody body, CancellationToken cancellationToken)
    {
        var request = new GitLabRequest(HttpMethod.Put, MergeRequestPath(iid))
        {
            Content = Json(body, GitLabJsonContext.Default.UpdateMergeRequestBody),
        };
        return transport.SendAsync(request, Read(request, GitLabJsonContext.Default.MergeRequest), null, cancellationToken);
    }

    private string MergeRequestPath(int iid) =>
        string.Create(CultureInfo.InvariantCulture, $"{ProjectPath()}/merge_requests/{iid}");

    private static string? JoinLabels(IReadOnlyList<string> labels) => labels.Count == 0 ? null : string.Join(',', labels);

    private async Task<(MergeRequest MergeRequest, bool Created)> CreateOrRecoverAsync(
        ChangeRequestDraft draft, CancellationToken cancellationToken)
    {
        var body = new CreateMergeRequestBody(
            draft.SourceBranch,
            draft.TargetBranch,
            draft.Title,
            draft.Description,
            draft.RemoveSourceBranch,
            JoinLabels(draft.Labels));
        var request = new GitLabRequest(HttpMethod.Post, ProjectPath() + "/merge_requests")
        {
            Content = Json(body, GitLabJsonContext.Default.CreateMergeRequestBody),
        };
        try
        {
            var created = await transport.SendAsync(
                request,
                Read(request, GitLabJsonContext.Default.MergeRequest),
                token => FindOpenMergeRequestAsync(draft.SourceBranch, draft.TargetBranch, token),
                cancellationToken);
            return (created, true);
        }
        catch (GitLabApiException exception) when (exception.StatusCode == HttpStatusCode.Conflict
            && DuplicateIid(exception.GitLabMessage) is { } iid)
        {
            log.Debug($"{request.Describe()}: !{iid} is already open for {draft.SourceBranch}; updating it instead");
            return (await UpdateAsync(iid, draft, cancellationToken), false);
        }
    }

    // "Another open merge request already exists for this source branch: !7"
    private static int? DuplicateIid(string? message) =>
        message is not null && DuplicatePattern().Match(message) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"already exists.*!(\d+)")]
    private static partial Regex DuplicatePattern();
}
