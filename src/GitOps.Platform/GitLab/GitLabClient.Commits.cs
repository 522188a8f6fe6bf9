using GitOps.Platform.GitLab.Http;

namespace GitOps.Platform.GitLab;

public sealed partial class GitLabClient
{
    /// <summary>Commits file changes through the API (no clone needed). Not repeated when it may have been applied.</summary>
    public Task<GitLabCommit> CreateCommitAsync(CommitDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var request = new GitLabRequest(HttpMethod.Post, ProjectPath() + "/repository/commits")
        {
            Content = Json(
                new CreateCommitBody(draft.Branch, draft.CommitMessage, draft.StartBranch, draft.Actions),
                GitLabJsonContext.Default.CreateCommitBody),
        };
        return transport.SendAsync(request, Read(request, GitLabJsonContext.Default.GitLabCommit), null, cancellationToken);
    }

    /// <summary>Sets a status on a commit; repeating it sets the same state again, so it is retried like a read.</summary>
    public Task<GitLabCommitStatus> SetCommitStatusAsync(string sha, CommitStatusDraft status, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha);
        ArgumentNullException.ThrowIfNull(status);
        var request = new GitLabRequest(HttpMethod.Post, $"{ProjectPath()}/statuses/{Uri.EscapeDataString(sha)}")
        {
            Content = Json(
                new CommitStatusBody(status.State, status.Name, status.TargetUrl, status.Description, status.Ref),
                GitLabJsonContext.Default.CommitStatusBody),
            Idempotent = true,
        };
        return transport.SendAsync(request, Read(request, GitLabJsonContext.Default.GitLabCommitStatus), null, cancellationToken);
    }
}
