using System.Net.Http.Headers;
using GitOps.Platform.Clouds.Google;
using k8s.Authentication;

namespace GitOps.Platform.Kubeconfig;

/// <summary>
/// KubernetesClient asks for a header on every request, so a long wait (a watch re-established after an hour) gets a
/// fresh token: the credential refreshes it before it expires.
/// </summary>
internal sealed class GoogleTokenProvider(GoogleAccessTokens tokens) : ITokenProvider
{
    /// <summary>A request's token must outlive the request; a watch is re-established with a new one.</summary>
    private static readonly TimeSpan MinimumLifetime = TimeSpan.FromMinutes(1);

    public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken) =>
        new("Bearer", (await tokens.GetAsync(MinimumLifetime, cancellationToken)).Value);
}
