using System.Text.Json.Nodes;

namespace GitOps.Platform.Tests.Terraform.Schema;

/// <summary>
/// The attributes a resource exports, each with the attributes it exports in turn when it is a nested block
/// (<c>master_auth[0].cluster_ca_certificate</c>); empty for a plain value.
/// </summary>
internal sealed class ExportedAttributes(IReadOnlyDictionary<string, ExportedAttributes> attributes)
{
    public static ExportedAttributes None { get; } = new(new Dictionary<string, ExportedAttributes>());

    public IReadOnlyDictionary<string, ExportedAttributes> Attributes { get; } = attributes;

    public bool IsEmpty => Attributes.Count == 0;

    public static ExportedAttributes FromJson(JsonObject json) =>
        new(json.ToDictionary(attribute => attribute.Key, attribute => FromJson(attribute.Value!.AsObject()), StringComparer.Ordinal));
}
