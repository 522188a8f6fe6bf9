using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GitOps.TestDoubles.Kubernetes;

public sealed partial class ObjectStore
{
    public StoreResult Create(ResourceType type, string @namespace, JsonObject resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var key = new ObjectKey(type, @namespace, KubeMetadata.Name(resource));
        if (Invalid(key) is { } invalid)
        {
            return invalid;
        }

        lock (gate)
        {
            if (MissingNamespace(key) is { } missing)
            {
                return missing;
            }

            if (objects.ContainsKey(key))
            {
                return StoreResult.Failure(409, "AlreadyExists", $"{type.Plural}.{type.Group} \"{key.Name}\" already exists");
            }

            var result = Commit(key, null, Initialize(key, Clone(resource)));
            return result.Succeeded ? StoreResult.Ok(result.Resource!, 201) : result;
        }
    }

    /// <summary>Server-side apply: creates the object when absent, otherwise folds in this manager's configuration.</summary>
    public StoreResult Apply(ResourceType type, string @namespace, string name, JsonObject configuration, string fieldManager)
    {
        var key = new ObjectKey(type, @namespace, name);
        if (Invalid(key) is { } invalid)
        {
            return invalid;
        }

        lock (gate)
        {
            if (MissingNamespace(key) is { } missing)
            {
                return missing;
            }

            objects.TryGetValue(key, out var existing);
            appliedConfigurations.TryGetValue((key, fieldManager), out var previous);
            var merged = JsonMerge.Apply(existing, previous, configuration);
            var result = Commit(key, existing, existing is null ? Initialize(key, merged) : merged);
            if (result.Succeeded)
            {
                appliedConfigurations[(key, fieldManager)] = Clone(configuration);
            }

            return result;
        }
    }

    public StoreResult MergePatch(ResourceType type, string @namespace, string name, JsonNode patch)
    {
        var key = new ObjectKey(type, @namespace, name);
        lock (gate)
        {
            return objects.TryGetValue(key, out var existing)
                ? Commit(key, existing, (JsonObject)JsonMerge.MergePatch(existing, patch)!)
                : StoreResult.NotFound(key);
        }
    }

    /// <summary>What a controller does with its own client: read-modify-write of one object.</summary>
    public StoreResult Update(ResourceType type, string @namespace, string name, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var key = new ObjectKey(type, @namespace, name);
        lock (gate)
        {
            if (!objects.TryGetValue(key, out var existing))
            {
                return StoreResult.NotFound(key);
            }

            var updated = Clone(existing);
            change(updated);
            return Commit(key, existing, updated);
        }
    }

    /// <summary>Objects with finalizers get a deletionTimestamp and stay; the rest go at once.</summary>
    public StoreResult Delete(ResourceType type, string @namespace, string name)
    {
        var key = new ObjectKey(type, @namespace, name);
        lock (gate)
        {
            if (!objects.TryGetValue(key, out var existing))
            {
                return StoreResult.NotFound(key);
            }

            if (KubeMetadata.IsDeleting(existing))
            {
                return StoreResult.Ok(Clone(existing));
            }

            var marked = Clone(existing);
            KubeMetadata.Of(marked)["deletionTimestamp"] = KubeMetadata.Timestamp(Clock.GetUtcNow());
            KubeMetadata.Of(marked)["deletionGracePeriodSeconds"] = 0;
            return Commit(key, existing, marked);
        }
    }

    // The API server's name rule for these kinds: a lowercase RFC 1123 subdomain.
    /// <summary>
    /// When <see cref="RequireNamespaces"/> is on: the API server refuses a namespaced object whose namespace does not
    /// exist (404, <c>namespaces "x" not found</c>). Off by default, since most tests never create the namespaces.
    /// </summary>
    private StoreResult? MissingNamespace(ObjectKey key) =>
        RequireNamespaces && key.Type.Namespaced && !objects.ContainsKey(new ObjectKey(ResourceType.Namespace, string.Empty, key.Namespace))
            ? StoreResult.Failure(404, "NotFound", $"namespaces \"{key.Namespace}\" not found")
            : null;

    private static StoreResult? Invalid(ObjectKey key) =>
        key.Name.Length is > 0 and <= 253 && SubdomainName().IsMatch(key.Name)
            ? null
            : StoreResult.Failure(422, "Invalid", $"{key.Type.Kind}.{key.Type.Group} \"{key.Name}\" is invalid: metadata.name: Invalid value: \"{key.Name}\": "
                + "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex SubdomainName();

    private StoreResult Commit(ObjectKey key, JsonObject? before, JsonObject after)
    {
        if (key.Type == ResourceType.Secret)
        {
            FoldStringData(after);
        }

        if (before is not null && KubeMetadata.IsDeleting(before)
            && KubeMetadata.Finalizers(after).Except(KubeMetadata.Finalizers(before)).Any())
        {
            return StoreResult.Failure(422, "Invalid",
                $"{key.Type.Kind} \"{key.Name}\" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted");
        }

        if (before is not null && JsonNode.DeepEquals(before, after))
        {
            return StoreResult.Ok(Clone(before));
        }

        revision++;
        KubeMetadata.Of(after)["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gone = KubeMetadata.IsDeleting(after) && KubeMetadata.Finalizers(after).Count == 0;
        if (gone)
        {
            objects.Remove(key);
            foreach (var manager in appliedConfigurations.Keys.Where(entry => entry.Key == key).ToList())
            {
                appliedConfigurations.Remove(manager);
            }
        }
        else
        {
            objects[key] = after;
        }

        Publish(new StoreEvent(revision, gone ? "DELETED" : before is null ? "ADDED" : "MODIFIED", key.Type, key.Namespace, Clone(after)));
        return StoreResult.Ok(Clone(after), before is null ? 201 : 200);
    }

    private void Publish(StoreEvent change)
    {
        history.Add(change);
        foreach (var subscriber in subscribers)
        {
            subscriber.Writer.TryWrite(change);
        }
    }

    private JsonObject Initialize(ObjectKey key, JsonObject resource)
    {
        resource["apiVersion"] = key.Type.ApiVersion;
        resource["kind"] = key.Type.Kind;
        var metadata = KubeMetadata.Of(resource);
        metadata["name"] = key.Name;
        if (key.Type.Namespaced)
        {
            metadata["namespace"] = key.Namespace;
        }

        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = KubeMetadata.Timestamp(Clock.GetUtcNow());
        metadata["generation"] = 1;
        return resource;
    }

    // The API server stores Secret.stringData as base64 in data and never returns stringData.
    private static void FoldStringData(JsonObject secret)
    {
        if (secret["stringData"] is not JsonObject stringData)
        {
            return;
        }

        if (secret["data"] is not JsonObject data)
        {
            data = [];
            secret["data"] = data;
        }

        foreach (var (key, value) in stringData)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? string.Empty));
        }

        secret.Remove("stringData");
        secret["type"] ??= "Opaque";
    }
}
