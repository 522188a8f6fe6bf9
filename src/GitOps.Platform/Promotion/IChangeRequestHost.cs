namespace GitOps.Platform.Promotion;

/// <summary>
/// Where merge requests (GitLab) or pull requests (GitHub) are opened. Implementations find an open request for the
/// same source and target branch and update it instead of opening a second one.
/// </summary>
public interface IChangeRequestHost
{
    Task<ChangeRequestResult> OpenOrUpdateAsync(ChangeRequestDraft draft, CancellationToken cancellationToken);
}
