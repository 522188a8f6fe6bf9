using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace GitOps.Platform.Toolchain.Internal;

/// <summary>Streams an archive to a file while hashing it, and tells a truncated or refused download apart from a bad one.</summary>
internal static class ArchiveDownload
{
    /// <summary>Honours HTTPS_PROXY/NO_PROXY like any .NET client; a dead route fails within the connect timeout.</summary>
    public static HttpClient DefaultClient { get; } = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(20),
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        Timeout = TimeSpan.FromMinutes(10),
        DefaultRequestHeaders = { UserAgent = { new ProductInfoHeaderValue("GitOps-build", "1") } },
    };

    /// <summary>Writes the body of <paramref name="url"/> to <paramref name="file"/> and returns its lower-case hex SHA-256.</summary>
    public static async Task<string> ToFileAsync(HttpClient http, Uri url, string file, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            var unreachable = exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
            throw new DownloadFailure(unreachable ? $"could not reach it ({Reason(exception)})" : Reason(exception), unreachable, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DownloadFailure("no answer within the time limit", unreachable: true, exception);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new DownloadFailure($"the server answered {(int)response.StatusCode} {response.ReasonPhrase}", unreachable: response.StatusCode == HttpStatusCode.NotFound);
            }

            var expected = response.Content.Headers.ContentLength;
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long received = 0;
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                await using var target = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                var buffer = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    received += read;
                }
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                throw new DownloadFailure($"the download broke off after {received} of {expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} bytes", unreachable: false, exception);
            }

            if (expected is { } length && received != length)
            {
                throw new DownloadFailure($"the download ended after {received} of {length} bytes", unreachable: false);
            }

            return Convert.ToHexStringLower(sha.GetHashAndReset());
        }
    }

    private static string Reason(HttpRequestException exception) =>
        exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "its host name does not resolve",
            HttpRequestError.ConnectionError => "connection failed: " + exception.Message,
            HttpRequestError.SecureConnectionError => "TLS failed: " + exception.Message,
            HttpRequestError.ProxyTunnelError => "the proxy refused: " + exception.Message,
            _ => exception.Message,
        };
}
