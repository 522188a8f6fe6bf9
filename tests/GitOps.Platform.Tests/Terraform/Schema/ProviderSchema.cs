using System.Text.Json.Nodes;

namespace GitOps.Platform.Tests.Terraform.Schema;

/// <summary>
/// The hashicorp/google provider's schema as tests/tools/provider-schema/extract-google-schema.js derives it from
/// @cdktf/provider-google (which is generated from the provider's own schema).
/// </summary>
internal sealed class ProviderSchema
{
    public required string Source { get; init; }

    public required string Version { get; init; }

    public required SchemaBlock ProviderConfig { get; init; }

    public required IReadOnlyDictionary<string, ResourceSchema> Resources { get; init; }

    public required IReadOnlyDictionary<string, ResourceSchema> DataSources { get; init; }

    public static ProviderSchema Load(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return new ProviderSchema
        {
            Source = json["provider"]!["source"]!.GetValue<string>(),
            Version = json["provider"]!["version"]!.GetValue<string>(),
            ProviderConfig = SchemaBlock.FromJson(json["provider_config"]!.AsObject()),
            Resources = Read(json["resources"]!.AsObject()),
            DataSources = Read(json["data_sources"]!.AsObject()),
        };
    }

    private static Dictionary<string, ResourceSchema> Read(JsonObject json) =>
        json.ToDictionary(resource => resource.Key, resource => ResourceSchema.FromJson(resource.Value!.AsObject()), StringComparer.Ordinal);
}
