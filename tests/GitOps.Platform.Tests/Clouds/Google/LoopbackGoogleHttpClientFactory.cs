using Google.Apis.Http;

namespace GitOps.Platform.Tests.Clouds.Google;

/// <summary>
/// Google.Apis.Auth sends authorized_user refreshes to the fixed https://oauth2.googleapis.com/token (the JSON has no
/// token_uri for them); this HTTP stack sends that host's requests to the loopback stand-in instead, path unchanged.
/// </summary>
internal sealed class LoopbackGoogleHttpClientFactory(Uri loopback) : HttpClientFactory
{
    protected override HttpMessageHandler CreateHandler(CreateHttpClientArgs args) => new Redirect(loopback, base.CreateHandler(args));

    private sealed class Redirect(Uri loopback, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { Host: "oauth2.googleapis.com" } original)
            {
                request.RequestUri = new Uri(loopback, original.PathAndQuery.TrimStart('/'));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
