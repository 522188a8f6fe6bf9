using System.Text;
using System.Text.Json;

namespace GitOps.Platform.GitLab.Http;

/// <summary>
/// Reads GitLab's error message from a failed response: <c>{"message": "..."}</c>, <c>{"message": ["..."]}</c>,
/// <c>{"message": {"field": ["..."]}}</c> or <c>{"error": "..."}</c>. Non-JSON bodies (HTML error pages) give null.
/// </summary>
internal static class GitLabErrorBody
{
    private const int MaxLength = 500;

    public static async Task<string?> ReadMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var message = root.TryGetProperty("message", out var value) ? Flatten(value, null)
                : root.TryGetProperty("error", out var error) ? Flatten(error, null)
                : null;
            return string.IsNullOrWhiteSpace(message) ? null : Shorten(message);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Flatten(JsonElement element, string? field)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString() ?? string.Empty;
                return field is null ? text : $"{field} {text}";
            case JsonValueKind.Array:
                return string.Join("; ", element.EnumerateArray().Select(item => Flatten(item, field)));
            case JsonValueKind.Object:
                return string.Join("; ", element.EnumerateObject().Select(property => Flatten(property.Value, property.Name)));
            default:
                return element.GetRawText();
        }
    }

    private static string Shorten(string message)
    {
        var oneLine = new StringBuilder(message.Length);
        foreach (var character in message)
        {
            oneLine.Append(char.IsControl(character) ? ' ' : character);
        }

        var text = oneLine.ToString().Trim();
        return text.Length <= MaxLength ? text : text[..MaxLength] + "...";
    }
}
