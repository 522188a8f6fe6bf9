namespace GitOps.Platform.GitLab;

/// <summary>
/// Where promotion change requests live: GitLab merge requests or GitHub pull requests.
/// Opening is idempotent: an open request for the same source and target branch is updated, not duplicated.
/// </summary>
public interface IChangeRequestHost
{
    Task<ChangeRequest> OpenOrUpdateAsync(ChangeRequestDraft draft, CancellationToken cancellationToken);
}
