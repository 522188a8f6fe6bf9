using System.Text.Json.Nodes;

namespace GitOps.Platform.Tests.Terraform.Schema;

/// <summary>What a resource or data source accepts, and the attributes other expressions may read from it.</summary>
internal sealed class ResourceSchema(SchemaBlock body, ExportedAttributes exported)
{
    public SchemaBlock Body { get; } = body;

    public ExportedAttributes Exported { get; } = exported;

    public static ResourceSchema FromJson(JsonObject json) =>
        new(SchemaBlock.FromJson(json), ExportedAttributes.FromJson(json["exported"]!.AsObject()));
}
