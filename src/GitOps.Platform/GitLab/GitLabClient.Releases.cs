using System.Net;
using GitOps.Platform.GitLab.Http;
using GitOps.Targets.Output;

namespace GitOps.Platform.GitLab;

public sealed partial class GitLabClient
{
    /// <summary>Creates a release; when the tag already has one, that release is returned (a re-run is not an error).</summary>
    public async Task<GitLabRelease> CreateReleaseAsync(ReleaseDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var request = new GitLabRequest(HttpMethod.Post, ProjectPath() + "/releases")
        {
            Content = Json(
                new CreateReleaseBody(draft.TagName, draft.Name, draft.Description, draft.Ref),
                GitLabJsonContext.Default.CreateReleaseBody),
            JobTokenAllowed = true,
        };
        try
        {
            return await transport.SendAsync(
                request,
                Read(request, GitLabJsonContext.Default.GitLabRelease),
                token => FindReleaseAsync(draft.TagName, token),
                cancellationToken);
        }
        catch (GitLabApiException exception) when (exception.StatusCode == HttpStatusCode.Conflict)
        {
            var existing = await FindReleaseAsync(draft.TagName, cancellationToken)
                ?? throw new GitLabApiException(
                    $"{exception.Message}; yet no release for tag {draft.TagName} can be read", exception)
                {
                    StatusCode = exception.StatusCode,
                    GitLabMessage = exception.GitLabMessage,
                };
            log.Info($"Release {draft.TagName} already exists; keeping it");
            return existing;
        }
    }

    /// <summary>The release of <paramref name="tagName"/>, or null when there is none.</summary>
    public Task<GitLabRelease?> FindReleaseAsync(string tagName, CancellationToken cancellationToken)
    {
        var request = new GitLabRequest(HttpMethod.Get, $"{ProjectPath()}/releases/{Uri.EscapeDataString(tagName)}")
        {
            JobTokenAllowed = true,
        };
        return OrNullWhenNotFoundAsync(
            transport.SendAsync(request, Read(request, GitLabJsonContext.Default.GitLabRelease), null, cancellationToken));
    }
}
