using System.Globalization;
using System.Text.Json.Nodes;

namespace GitOps.TestDoubles.Kubernetes;

/// <summary>Reads and writes the metadata fields the API server itself cares about.</summary>
public static class KubeMetadata
{
    public static JsonObject Of(JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource["metadata"] is not JsonObject metadata)
        {
            metadata = [];
            resource["metadata"] = metadata;
        }

        return metadata;
    }

    public static string Name(JsonObject resource) => Of(resource)["name"]?.GetValue<string>() ?? string.Empty;

    public static List<string> Finalizers(JsonObject resource) =>
        Of(resource)["finalizers"] is JsonArray list ? [.. list.Select(item => item!.GetValue<string>())] : [];

    public static void SetFinalizers(JsonObject resource, IEnumerable<string> finalizers)
    {
        var list = finalizers.ToList();
        if (list.Count == 0)
        {
            Of(resource).Remove("finalizers");
        }
        else
        {
            Of(resource)["finalizers"] = new JsonArray([.. list.Select(item => (JsonNode)item)]);
        }
    }

    public static bool IsDeleting(JsonObject resource) => Of(resource)["deletionTimestamp"] is not null;

    public static string? Label(JsonObject resource, string key) => Of(resource)["labels"]?[key]?.GetValue<string>();

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
