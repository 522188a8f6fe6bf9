namespace GitOps.Platform.ChangeRequests;

/// <summary>
/// A host that can tell how it merges change requests. Pins must be commits main has been at, told apart by main's
/// first-parent line; that works only while every merge adds one commit to main (a merge commit), not each commit of
/// the change request (fast-forward, rebase without a merge commit).
/// </summary>
public interface IMergeMethodCheck
{
    /// <summary>Throws, naming the setting and the values allowed, when merging puts a change request's own commits on main's first-parent line.</summary>
    Task RequireMergeCommitsAsync(CancellationToken cancellationToken);
}
