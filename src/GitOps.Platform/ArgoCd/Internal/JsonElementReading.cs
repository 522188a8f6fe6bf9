using System.Text.Json;

namespace GitOps.Platform.ArgoCd.Internal;

/// <summary>Forgiving reads of untyped custom-object JSON: an absent field reads as empty, never throws.</summary>
internal static class JsonElementReading
{
    public static JsonElement Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : default;

    public static string Text(this JsonElement element, string name, string fallback = "") =>
        element.Child(name) is { ValueKind: JsonValueKind.String } child ? child.GetString() ?? fallback : fallback;

    public static IEnumerable<JsonElement> Items(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : [];

    public static Dictionary<string, string> Strings(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>KubernetesClient hands custom objects back as <see cref="JsonElement"/>; anything else is re-read.</summary>
    public static JsonElement AsJson(object? value) => value switch
    {
        JsonElement element => element,
        null => default,
        _ => JsonSerializer.SerializeToElement(value),
    };
}
