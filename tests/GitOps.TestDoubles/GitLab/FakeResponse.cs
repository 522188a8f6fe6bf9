using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GitOps.TestDoubles.GitLab;

/// <summary>An answer built before it is sent, so faults can replace it after the request took effect.</summary>
internal sealed record FakeResponse(int Status, string Body, string ContentType = "application/json")
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static FakeResponse Json(int status, object value) => new(status, JsonSerializer.Serialize(value));

    public static FakeResponse Message(int status, object message) => Json(status, new { message });

    public static FakeResponse Error(int status, string error) => Json(status, new { error });

    public static FakeResponse NotFound(string what = "404 Not Found") => Message(404, what);

    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        response.ContentType = ContentType;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        await response.WriteAsync(Body);
    }
}
