using GitOps.Platform.GitLab;

namespace GitOps.Platform.ChangeRequests;

/// <summary>
/// The host and repository path of a git remote URL, in any form git accepts:
/// <c>https://host/group/app.git</c>, <c>ssh://git@host:2222/group/app.git</c> or <c>git@host:group/app.git</c>.
/// </summary>
public sealed record GitRemote(string Host, string Path)
{
    public static GitRemote Parse(string remoteUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(remoteUrl);
        var text = remoteUrl.Trim();
        string host;
        string path;
        if (text.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
        {
            (host, path) = (uri.Host, Uri.UnescapeDataString(uri.AbsolutePath));
        }
        else if (text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && !text[..colon].Contains('/', StringComparison.Ordinal))
        {
            // scp-like syntax: [user@]host:path
            var authority = text[..colon];
            (host, path) = (authority[(authority.LastIndexOf('@') + 1)..], text[(colon + 1)..]);
        }
        else
        {
            throw new GitLabConfigurationException(
                $"git remote '{remoteUrl}' is not a URL git understands; expected https://host/group/repo.git or git@host:group/repo.git");
        }

        path = path.Trim('/');
        path = path.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? path[..^4] : path;
        return new GitRemote(host.ToLowerInvariant(), path);
    }
}
