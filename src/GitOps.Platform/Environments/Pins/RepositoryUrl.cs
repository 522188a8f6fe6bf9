namespace GitOps.Platform.Environments.Pins;

/// <summary>
/// A repository URL as Argo CD's repo-server compares two sources' repositories (git.NormalizeGitURL): the host in
/// lower case, a trailing <c>/</c> and <c>.git</c> ignored.
/// </summary>
internal static class RepositoryUrl
{
    public static string Normalise(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = url.Trim().TrimEnd('/');
        if (trimmed.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^4].TrimEnd('/');
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
            ? $"{uri.Scheme}://{uri.Authority.ToLowerInvariant()}{uri.AbsolutePath.TrimEnd('/')}"
            : trimmed.ToLowerInvariant();
    }

    /// <summary>The URL for a message: a user and password written into it (<c>https://user:token@host/...</c>) are left out.</summary>
    public static string Shown(string? url) =>
        url is not null && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped)
            : url ?? string.Empty;
}
