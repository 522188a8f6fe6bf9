using System.Text.Json.Nodes;

namespace GitOps.Platform.Tests.Terraform.Schema;

/// <summary>The arguments and nested blocks one block of the provider accepts, and which of them are required.</summary>
internal sealed class SchemaBlock(IReadOnlyDictionary<string, bool> arguments, IReadOnlyDictionary<string, NestedBlock> blocks)
{
    /// <summary>Argument name to whether it is required.</summary>
    public IReadOnlyDictionary<string, bool> Arguments { get; } = arguments;

    public IReadOnlyDictionary<string, NestedBlock> Blocks { get; } = blocks;

    public bool Accepts(string name) => Arguments.ContainsKey(name) || Blocks.ContainsKey(name);

    public IEnumerable<string> Names => Arguments.Keys.Concat(Blocks.Keys).Order(StringComparer.Ordinal);

    public static SchemaBlock FromJson(JsonObject json)
    {
        var arguments = json["arguments"]!.AsObject().ToDictionary(
            argument => argument.Key, argument => argument.Value!["required"]!.GetValue<bool>(), StringComparer.Ordinal);
        var blocks = json["blocks"]!.AsObject().ToDictionary(
            block => block.Key,
            block => new NestedBlock(block.Value!["required"]!.GetValue<bool>(), FromJson(block.Value["block"]!.AsObject())),
            StringComparer.Ordinal);
        return new SchemaBlock(arguments, blocks);
    }
}
