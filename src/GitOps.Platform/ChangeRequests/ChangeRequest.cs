namespace GitOps.Platform.ChangeRequests;

/// <summary>
/// The open merge or pull request that now carries a change. <see cref="Number"/> is the MR iid (<c>!N</c>) or the PR
/// number (<c>#N</c>); <see cref="Created"/> says whether this call opened it or updated one that was already open.
/// </summary>
public sealed record ChangeRequest(long Number, string WebUrl, bool Created);
