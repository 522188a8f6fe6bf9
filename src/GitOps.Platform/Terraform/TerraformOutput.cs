using System.Text.Json;

namespace GitOps.Platform.Terraform;

/// <summary>One root-module output. <see cref="ToString"/> never reveals a sensitive value.</summary>
public sealed class TerraformOutput(string name, JsonElement value, bool sensitive)
{
    public string Name { get; } = name;

    public JsonElement Value { get; } = value;

    public bool Sensitive { get; } = sensitive;

    /// <summary>The value as text: a string output as is, anything else as JSON.</summary>
    public string AsString() => Value.ValueKind == JsonValueKind.String ? Value.GetString()! : Value.GetRawText();

    public override string ToString() => Sensitive ? $"{Name} = (sensitive)" : $"{Name} = {Value.GetRawText()}";
}
