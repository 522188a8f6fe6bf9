using System.Text.Json;
using GitOps.Targets.Output;

namespace GitOps.Platform.Terraform;

/// <summary>The outputs of a root module as read from <c>terraform output -json</c>.</summary>
public sealed class TerraformOutputs
{
    private static readonly JsonElement Null = JsonSerializer.Deserialize<JsonElement>("null");

    private readonly Dictionary<string, TerraformOutput> outputs;

    private TerraformOutputs(Dictionary<string, TerraformOutput> outputs) => this.outputs = outputs;

    public IReadOnlyDictionary<string, TerraformOutput> All => outputs;

    public TerraformOutput this[string name] => outputs.TryGetValue(name, out var output)
        ? output
        : throw new KeyNotFoundException(
            $"Terraform output '{name}' does not exist; outputs present: {(outputs.Count == 0 ? "none" : string.Join(", ", outputs.Keys.Order(StringComparer.Ordinal)))}");

    public string GetString(string name) => this[name].AsString();

    /// <summary>Parses the JSON and registers every sensitive value (and each string inside it) as a secret.</summary>
    internal static TerraformOutputs Parse(string json, ISecretRegistry secrets)
    {
        var root = JsonSerializer.Deserialize<JsonElement>(json);
        var outputs = new Dictionary<string, TerraformOutput>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            var sensitive = property.Value.TryGetProperty("sensitive", out var flag) && flag.ValueKind == JsonValueKind.True;
            var value = property.Value.TryGetProperty("value", out var found) ? found : Null;
            if (sensitive)
            {
                RegisterSecrets(value, secrets);
            }

            outputs[property.Name] = new TerraformOutput(property.Name, value, sensitive);
        }

        return new TerraformOutputs(outputs);
    }

    private static void RegisterSecrets(JsonElement value, ISecretRegistry secrets)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                secrets.Register(value.GetString()!);
                break;
            case JsonValueKind.Object:
                secrets.Register(value.GetRawText());
                foreach (var property in value.EnumerateObject())
                {
                    RegisterSecrets(property.Value, secrets);
                }

                break;
            case JsonValueKind.Array:
                secrets.Register(value.GetRawText());
                foreach (var item in value.EnumerateArray())
                {
                    RegisterSecrets(item, secrets);
                }

                break;
            default:
                // Numbers and booleans are too short to mask without masking ordinary text everywhere.
                break;
        }
    }
}
