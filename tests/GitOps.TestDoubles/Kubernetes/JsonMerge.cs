using System.Text.Json.Nodes;

namespace GitOps.TestDoubles.Kubernetes;

/// <summary>The two ways the API server folds a request body into a stored object.</summary>
internal static class JsonMerge
{
    /// <summary>RFC 7386 JSON merge patch: objects merge, <c>null</c> removes, everything else replaces.</summary>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = MergePatch(result[key], value);
            }
        }

        return result;
    }

    /// <summary>
    /// Server-side apply, simplified: fields this manager applied last time and no longer applies are removed,
    /// then the new configuration is merged in (lists replace, as they do for atomic lists).
    /// </summary>
    public static JsonObject Apply(JsonObject? existing, JsonObject? previouslyApplied, JsonObject applied)
    {
        var result = existing is null ? [] : (JsonObject)existing.DeepClone();
        if (previouslyApplied is not null)
        {
            RemoveDropped(result, previouslyApplied, applied);
        }

        return (JsonObject)MergePatch(result, WithoutNulls(applied))!;
    }

    private static void RemoveDropped(JsonObject target, JsonObject previous, JsonObject current)
    {
        foreach (var (key, value) in previous)
        {
            if (!current.ContainsKey(key))
            {
                target.Remove(key);
            }
            else if (value is JsonObject previousChild && current[key] is JsonObject currentChild
                && target[key] is JsonObject targetChild)
            {
                RemoveDropped(targetChild, previousChild, currentChild);
            }
        }
    }

    // In an apply configuration a null means "not set by me", never "delete".
    private static JsonObject WithoutNulls(JsonObject source)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (value is not null)
            {
                copy[key] = value is JsonObject child ? WithoutNulls(child) : value.DeepClone();
            }
        }

        return copy;
    }
}
