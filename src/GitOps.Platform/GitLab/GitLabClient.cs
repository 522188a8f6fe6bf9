using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GitOps.Platform.GitLab.Http;
using GitOps.Targets.Output;

namespace GitOps.Platform.GitLab;

/// <summary>
/// A small typed client for the parts of GitLab's REST v4 API the build uses. Tokens and every variable value it
/// returns are registered with the secret registry, so the build masks them wherever they might be printed.
/// </summary>
public sealed partial class GitLabClient : IDisposable
{
    private readonly HttpClient http;
    private readonly GitLabTransport transport;
    private readonly ISecretRegistry secrets;
    private readonly ILog log;

    public GitLabClient(
        GitLabConnection connection,
        ISecretRegistry secrets,
        ILog? log = null,
        GitLabClientOptions? options = null,
        HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(secrets);
        this.secrets = secrets;
        this.log = log ?? NullLog.Instance;
        secrets.Register(connection.Token);
        if (connection.TriggerToken is { } triggerToken)
        {
            secrets.Register(triggerToken);
        }

        // Timeouts are ours (per attempt and in total), so HttpClient's own must never fire first.
        http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("gitops-build/1.0");
        transport = new GitLabTransport(http, connection, options ?? GitLabClientOptions.Default, this.log);
    }

    public GitLabConnection Connection => transport.Connection;

    public void Dispose() => http.Dispose();

    private string ProjectPath(string? project = null) =>
        "projects/" + (project is null ? transport.Connection.EncodedProject : EncodeProject(project));

    private static string EncodeProject(string project) =>
        long.TryParse(project, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? project
            : Uri.EscapeDataString(project.Trim('/'));

    private static Func<HttpContent> Json<T>(T body, JsonTypeInfo<T> info) => () => JsonContent.Create(body, info);

    private static Func<HttpResponseMessage, CancellationToken, Task<T>> Read<T>(GitLabRequest request, JsonTypeInfo<T> info)
        where T : class =>
        async (response, token) =>
        {
            try
            {
                return await response.Content.ReadFromJsonAsync(info, token) ?? throw Unexpected(request, response, null);
            }
            catch (JsonException exception)
            {
                // Never quote the body: for a variables call it holds the secrets.
                throw Unexpected(request, response, exception);
            }
        };

    private static GitLabApiException Unexpected(GitLabRequest request, HttpResponseMessage response, Exception? inner) =>
        new($"{request.Describe()}: {(int)response.StatusCode} {response.ReasonPhrase} but the answer is not GitLab's JSON; "
            + "is CI_API_V4_URL the API root (https://<host>/api/v4)?", inner!)
        {
            StatusCode = response.StatusCode,
        };

    private static async Task<T?> OrNullWhenNotFoundAsync<T>(Task<T> call)
        where T : class
    {
        try
        {
            return await call;
        }
        catch (GitLabApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
