namespace GitOps.Platform.ChangeRequests;

/// <summary>
/// Where change requests live: GitLab merge requests or GitHub pull requests.
/// Opening is idempotent: an open request for the same source and target branch is updated, not duplicated.
/// Disposable because the GitLab implementation owns an HttpClient.
/// </summary>
public interface IChangeRequestHost : IDisposable
{
    Task<ChangeRequest> OpenOrUpdateAsync(ChangeRequestDraft draft, CancellationToken cancellationToken);
}
