using System.Text.Json;
using k8s.Autorest;

namespace GitOps.Platform.ArgoCd.Internal;

/// <summary>
/// Turns the client's "Operation returned an invalid status code" into what the API server actually said
/// (the Status message), for requests whose bodies hold no secrets.
/// </summary>
internal static class ApiFailure
{
    public static async Task<T> Explain<T>(string action, Func<Task<T>> request)
    {
        try
        {
            return await request();
        }
        catch (HttpOperationException error)
        {
            throw new ArgoCdException($"{action} failed: HTTP {(int?)error.Response?.StatusCode} {StatusMessage(error.Response?.Content)}".TrimEnd(), error);
        }
    }

    private static string StatusMessage(string? content)
    {
        try
        {
            using var status = JsonDocument.Parse(content ?? string.Empty);
            return $"{status.RootElement.Text("reason")}: {status.RootElement.Text("message")}";
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }
}
