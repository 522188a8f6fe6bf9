using System.Text.Json.Nodes;

namespace GitOps.TestDoubles.Kubernetes;

/// <summary>
/// What Argo CD's repo-server refuses before it renders anything, where our tests depend on it: a multi-source
/// Application whose sources name one repository at different revisions. The repo-server compares the sources'
/// repository URLs after normalising them (reposerver/repository/repository.go, git.NormalizeGitURL) and answers
/// "cannot reference a different revision of the same repository" (argoproj/argo-cd#25605, confirmed on v3.2.1).
/// The fake compares the targetRevision strings as written (a missing one is HEAD); the real one compares what they
/// resolve to, so <c>main</c> beside the SHA main points at would pass there and fails here: stricter, on purpose.
/// </summary>
public static class ArgoRepoServerRules
{
    public const string DifferentRevisionMessage = "cannot reference a different revision of the same repository";

    /// <summary>The repository URL as the comparison sees it: host in lower case, a trailing <c>/</c> and <c>.git</c> left out.</summary>
    public static string NormaliseRepoUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = url.Trim().TrimEnd('/');
        if (trimmed.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^4].TrimEnd('/');
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.IsAbsoluteUri && !string.IsNullOrEmpty(uri.Host)
            ? $"{uri.Scheme}://{(string.IsNullOrEmpty(uri.UserInfo) ? string.Empty : uri.UserInfo + "@")}{uri.Host.ToLowerInvariant()}{(uri.IsDefaultPort ? string.Empty : ":" + uri.Port)}{uri.AbsolutePath.TrimEnd('/')}"
            : trimmed.ToLowerInvariant();
    }

    /// <summary>The repo-server's refusal for these sources (repoURL, targetRevision), or null when it renders them.</summary>
    public static string? SameRepositoryConflict(IEnumerable<(string RepoUrl, string? Revision)> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = sources.ToList();
        foreach (var group in list.GroupBy(source => NormaliseRepoUrl(source.RepoUrl), StringComparer.Ordinal))
        {
            var revisions = group.Select(source => string.IsNullOrWhiteSpace(source.Revision) ? "HEAD" : source.Revision.Trim())
                .Distinct(StringComparer.Ordinal).ToList();
            if (revisions.Count > 1)
            {
                var index = list.FindIndex(source => NormaliseRepoUrl(source.RepoUrl) == group.Key) + 1;
                return $"failed to generate manifest for source {index} of {list.Count}: rpc error: code = Unknown desc = {DifferentRevisionMessage} "
                    + $"({group.First().RepoUrl} at {string.Join(" and ", revisions.Select(revision => $"'{revision}'"))})";
            }
        }

        return null;
    }

    /// <summary>The refusal for an Application (spec.source or spec.sources, as JSON), or null.</summary>
    public static string? SameRepositoryConflict(JsonObject application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var spec = application["spec"] as JsonObject;
        var sources = spec?["sources"] is JsonArray many ? many.OfType<JsonObject>().ToList()
            : spec?["source"] is JsonObject one ? [one] : [];
        return SameRepositoryConflict(sources
            .Where(source => source["repoURL"]?.GetValue<string>() is { Length: > 0 })
            .Select(source => (source["repoURL"]!.GetValue<string>(), source["targetRevision"]?.ToString())));
    }
}
