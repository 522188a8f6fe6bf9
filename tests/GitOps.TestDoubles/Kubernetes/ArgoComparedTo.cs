using System.Text.Json.Nodes;

namespace GitOps.TestDoubles.Kubernetes;

/// <summary>
/// <c>status.sync.comparedTo</c> as Argo CD's controller writes it (controller/state.go CompareAppState, v3.2): not the
/// spec as stored, but the spec decoded into Go's ApplicationSource/ApplicationDestination structs and encoded again.
/// So every <c>omitempty</c> field that is empty ("", false, [], absent) is dropped, <c>repoURL</c> (not omitempty) is
/// always there, the destination and ignoreDifferences are recorded too, and because <c>ComparedTo.Source</c> is a
/// struct (omitempty does not apply to structs) a multi-source Application also carries <c>"source":{"repoURL":""}</c>
/// beside its <c>sources</c>.
/// </summary>
public static class ArgoComparedTo
{
    // Fields of ApplicationSource and its nested structs that are NOT omitempty in types.go: kept even when empty.
    private static readonly HashSet<string> AlwaysEncoded = new(StringComparer.Ordinal) { "repoURL" };

    // EnvEntry {name, value} of a plugin's env: neither field is omitempty.
    private static readonly HashSet<string> EnvEntryFields = new(StringComparer.Ordinal) { "name", "value" };

    public static JsonObject Of(JsonObject application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var spec = application["spec"] as JsonObject ?? [];
        var compared = new JsonObject();
        var sources = spec["sources"] as JsonArray;
        if (sources is { Count: > 0 })
        {
            compared["source"] = new JsonObject { ["repoURL"] = string.Empty };
            compared["destination"] = Encode(spec["destination"] as JsonObject ?? []);
            compared["sources"] = new JsonArray([.. sources.Select(source => (JsonNode)Source(source as JsonObject ?? []))]);
        }
        else
        {
            compared["source"] = Source(spec["source"] as JsonObject ?? []);
            compared["destination"] = Encode(spec["destination"] as JsonObject ?? []);
        }

        if (spec["ignoreDifferences"] is JsonArray { Count: > 0 } ignore)
        {
            compared["ignoreDifferences"] = ignore.DeepClone();
        }

        return compared;
    }

    private static JsonObject Source(JsonObject source)
    {
        var encoded = Encode(source);
        encoded["repoURL"] ??= string.Empty;
        return encoded;
    }

    // encoding/json with omitempty: "" / false / 0 / empty slices and maps vanish; pointers to structs stay, even empty.
    // valuesObject is a RawExtension: its JSON is kept as is.
    private static JsonObject Encode(JsonObject value)
    {
        var result = new JsonObject();
        foreach (var (key, child) in value)
        {
            var kept = key switch
            {
                "valuesObject" => child?.DeepClone(),
                "env" when child is JsonArray entries => entries.Count == 0 ? null : new JsonArray([.. entries.Select(entry => (JsonNode)EnvEntry(entry as JsonObject ?? []))]),
                _ => EncodeValue(child),
            };
            if (kept is not null || AlwaysEncoded.Contains(key))
            {
                result[key] = kept ?? string.Empty;
            }
        }

        return result;
    }

    private static JsonObject EnvEntry(JsonObject entry)
    {
        var result = new JsonObject();
        foreach (var field in EnvEntryFields)
        {
            result[field] = entry[field]?.DeepClone() ?? string.Empty;
        }

        return result;
    }

    private static JsonNode? EncodeValue(JsonNode? value) => value switch
    {
        null => null,
        JsonObject child => Encode(child),
        JsonArray { Count: 0 } => null,
        JsonArray items => new JsonArray([.. items.Select(item => item is JsonObject entry ? Encode(entry) : item?.DeepClone())]),
        JsonValue scalar when scalar.TryGetValue<string>(out var text) => text.Length == 0 ? null : scalar.DeepClone(),
        JsonValue scalar when scalar.TryGetValue<bool>(out var flag) => flag ? scalar.DeepClone() : null,
        JsonValue scalar when scalar.TryGetValue<long>(out var number) => number == 0 ? null : scalar.DeepClone(),
        _ => value.DeepClone(),
    };
}
