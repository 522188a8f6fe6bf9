using System.Net.Http.Headers;

namespace GitOps.Platform.GitLab.Http;

/// <summary>
/// One GitLab call, replayable: the message is rebuilt for every attempt because HttpRequestMessage cannot be resent.
/// <paramref name="Path"/> is relative to the API root and already encoded (e.g. <c>projects/group%2Fapp/variables</c>).
/// </summary>
internal sealed record GitLabRequest(HttpMethod Method, string Path)
{
    public string? Query { get; init; }

    public Func<HttpContent>? Content { get; init; }

    /// <summary>Whether GitLab accepts a CI job token here (releases, trigger pipeline, reading merge requests).</summary>
    public bool JobTokenAllowed { get; init; }

    /// <summary>
    /// GET and PUT can be sent again blindly; a POST that may have taken effect cannot, unless doing it twice has the
    /// same effect as once (setting a commit status).
    /// </summary>
    public bool Idempotent { get; init; } = Method == HttpMethod.Get || Method == HttpMethod.Put || Method == HttpMethod.Delete;

    /// <summary>How the call is named in errors and logs: method and path, never the query or a token.</summary>
    public string Describe() => $"GitLab {Method.Method} /{Path}";

    public HttpRequestMessage ToMessage(GitLabConnection connection)
    {
        var uri = new Uri(connection.ApiUrl, Query is null ? Path : $"{Path}?{Query}");
        var message = new HttpRequestMessage(Method, uri) { Content = Content?.Invoke() };
        var header = connection.TokenKind == GitLabTokenKind.JobToken ? "JOB-TOKEN" : "PRIVATE-TOKEN";
        message.Headers.TryAddWithoutValidation(header, connection.Token);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return message;
    }
}
