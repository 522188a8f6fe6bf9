using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GitOps.Platform.GitLab.Http;
using GitOps.Targets.Output;

namespace GitOps.Platform.GitLab;

public sealed partial class GitLabClient : IChangeRequestHost
{
    /// <summary>Opens the merge request, or updates the open one with the same source and target branch.</summary>
    public async Task<ChangeRequest> OpenOrUpdateAsync(ChangeRequestDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var existing = await FindOpenMergeRequestAsync(draft.SourceBranch, draft.TargetBranch, cancellationToken);
        if (existing is not null)
        {
            var updated = await UpdateMergeRequestAsync(existing.Iid, draft.Title, draft.Description, cancellationToken);
            log.Info($"Updated merge request !{updated.Iid} ({draft.SourceBranch} -> {draft.TargetBranch})");
            return new ChangeRequest(updated.Iid, updated.WebUrl ?? string.Empty, Created: false);
        }

        var (mergeRequest, created) = await CreateOrRecoverAsync(draft, cancellationToken);
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
        return (await CreateOrRecoverAsync(draft, cancellationToken)).MergeRequest;
    }

    public Task<MergeRequest> UpdateMergeRequestAsync(int iid, string title, string description, CancellationToken cancellationToken)
    {
        var request = new GitLabRequest(HttpMethod.Put, string.Create(CultureInfo.InvariantCulture, $"{ProjectPath()}/merge_requests/{iid}"))
        {
            Content = Json(new UpdateMergeRequestBody(title, description), GitLabJsonContext.Default.UpdateMergeRequestBody),
        };
        return transport.SendAsync(request, Read(request, GitLabJsonContext.Default.MergeRequest), null, cancellationToken);
    }

    private async Task<(MergeRequest MergeRequest, bool Created)> CreateOrRecoverAsync(
        ChangeRequestDraft draft, CancellationToken cancellationToken)
    {
        var body = new CreateMergeRequestBody(
            draft.SourceBranch,
            draft.TargetBranch,
            draft.Title,
            draft.Description,
            draft.RemoveSourceBranch,
            draft.Labels.Count == 0 ? null : string.Join(',', draft.Labels));
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
            return (await UpdateMergeRequestAsync(iid, draft.Title, draft.Description, cancellationToken), false);
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
