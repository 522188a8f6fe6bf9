namespace GitOps.Platform.ChangeRequests;

/// <summary>
/// Where change requests live: GitLab merge requests or GitHub pull requests.
/// Opening is idempotent: an open request for the same source and target branch is updated, not duplicated.
/// Disposable because the GitLab implementation owns an HttpClient.
/// </summary>
public interface IChangeRequestHost : IDisposable
{
    /// <summary>
    /// Throws, naming the cause, unless the host answers, accepts the token and lets it open change requests on the
    /// repository. Called before the promotion branch is pushed, so a refusal leaves nothing behind.
    /// </summary>
    Task CheckAccessAsync(CancellationToken cancellationToken);

    Task<ChangeRequest> OpenOrUpdateAsync(ChangeRequestDraft draft, CancellationToken cancellationToken);
}
