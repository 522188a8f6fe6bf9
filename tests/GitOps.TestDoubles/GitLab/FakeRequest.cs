using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GitOps.TestDoubles.GitLab;

/// <summary>A request taken apart: method, raw path segments after <c>/api/v4/</c>, query and body fields (JSON or form).</summary>
internal sealed class FakeRequest
{
    public required string Method { get; init; }

    public required IReadOnlyList<string> Segments { get; init; }

    public required IReadOnlyDictionary<string, string> Query { get; init; }

    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    /// <summary>Array and object fields of a JSON body (commit actions, trigger variables).</summary>
    public required IReadOnlyDictionary<string, JsonElement> Structured { get; init; }

    public FakeCaller Caller { get; init; }

    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) ? value : null;

    public static async Task<(Dictionary<string, string> Fields, Dictionary<string, JsonElement> Structured)> ReadBodyAsync(
        HttpRequest request, string body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var structured = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync())
            {
                fields[key] = value.ToString();
            }
        }
        else if (body.Length > 0)
        {
            using var document = JsonDocument.Parse(body);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    structured[property.Name] = property.Value.Clone();
                }
                else if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    fields[property.Name] = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString()!
                        : property.Value.GetRawText();
                }
            }
        }

        return (fields, structured);
    }
}
