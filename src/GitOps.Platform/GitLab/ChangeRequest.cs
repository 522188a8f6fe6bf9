namespace GitOps.Platform.GitLab;

/// <summary>
/// An open merge or pull request. <see cref="Number"/> is the MR iid (<c>!N</c>) or the PR number (<c>#N</c>);
/// <see cref="Created"/> says whether this call opened it or updated one that was already open.
/// </summary>
public sealed record ChangeRequest(int Number, string WebUrl, bool Created);
