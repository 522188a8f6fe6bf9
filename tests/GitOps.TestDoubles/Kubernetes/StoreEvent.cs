using System.Text.Json.Nodes;

namespace GitOps.TestDoubles.Kubernetes;

/// <summary>One change in the store, as a watch sees it: ADDED, MODIFIED or DELETED with the object after the change.</summary>
public sealed record StoreEvent(long ResourceVersion, string Type, ResourceType ResourceType, string Namespace, JsonObject Resource)
{
    public string Name => Resource["metadata"]?["name"]?.GetValue<string>() ?? string.Empty;
}
