namespace GitOps.Platform.GitLab.Http;

/// <summary>One page of a listing and the page after it (from <c>x-next-page</c>; null on the last page).</summary>
internal sealed record GitLabPage<T>(IReadOnlyList<T> Items, int? NextPage);
