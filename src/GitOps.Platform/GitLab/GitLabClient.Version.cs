using GitOps.Platform.GitLab.Http;

namespace GitOps.Platform.GitLab;

public sealed partial class GitLabClient
{
    /// <summary>The GitLab release serving the API (<c>GET /version</c>; any token with api or read_api scope may read it).</summary>
    public Task<GitLabServerVersion> GetServerVersionAsync(CancellationToken cancellationToken)
    {
        var request = new GitLabRequest(HttpMethod.Get, "version");
        return transport.SendAsync(request, Read(request, GitLabJsonContext.Default.GitLabServerVersion), null, cancellationToken);
    }
}
