namespace GitOps.Platform.Promotion;

/// <summary>A web link comparing two branches or commits, derived from the remote URL (GitLab by default, GitHub for github.com).</summary>
public static class CompareLink
{
    /// <summary>The link, or null when the remote is not a web host (a path on disk, as in tests).</summary>
    public static string? For(string? remoteUrl, string targetBranch, string sourceBranch)
    {
        if (WebBase(remoteUrl) is not { } web)
        {
            return null;
        }

        var range = $"{targetBranch}...{sourceBranch}";
        return web.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase)
            ? $"{web.Base}/compare/{range}"
            : $"{web.Base}/-/compare/{range}";
    }

    /// <summary>The web page of one commit, or null when the remote is not a web host.</summary>
    public static string? ForCommit(string? remoteUrl, string sha)
    {
        if (WebBase(remoteUrl) is not { } web)
        {
            return null;
        }

        return web.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase) ? $"{web.Base}/commit/{sha}" : $"{web.Base}/-/commit/{sha}";
    }

    private static (string Base, string Host)? WebBase(string? remoteUrl)
    {
        if (string.IsNullOrWhiteSpace(remoteUrl))
        {
            return null;
        }

        var url = Git.RemoteUrl.WithoutCredentials(remoteUrl.Trim());
        if (url.StartsWith("git@", StringComparison.Ordinal) && url.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
        {
            // scp-like syntax: git@host:group/project.git
            url = $"https://{url[4..colon]}/{url[(colon + 1)..]}";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "ssh"))
        {
            return null;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        path = path.EndsWith(".git", StringComparison.Ordinal) ? path[..^4] : path;
        var port = uri.Scheme == "ssh" || uri.IsDefaultPort ? string.Empty : $":{uri.Port}";
        var scheme = uri.Scheme == "http" ? "http" : "https";
        return ($"{scheme}://{uri.Host}{port}{path}", uri.Host);
    }
}
