using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Schemas;

/// <summary>
/// A YAML node as the JSON the API server and Argo CD see: they read YAML with go-yaml's YAML 1.1 rules
/// (sigs.k8s.io/yaml), so an unquoted <c>yes</c> is a boolean and <c>8080</c> a number, while quoted text stays text.
/// Merge keys (<c>&lt;&lt;: *defaults</c>) are applied.
/// </summary>
internal static partial class KubernetesJson
{
    /// <summary>More nodes than any manifest has; past it (an alias bomb, reported by GO019) nothing is converted.</summary>
    private const int NodeBudget = 200_000;

    /// <summary>The JSON of <paramref name="node"/>, or null when it expands beyond <see cref="NodeBudget"/> nodes.</summary>
    public static JsonNode? Convert(YamlNode node)
    {
        var budget = NodeBudget;
        try
        {
            return ConvertNode(node, ref budget);
        }
        catch (InsufficientExecutionStackException)
        {
            return null;
        }
        catch (BudgetExceededException)
        {
            return null;
        }
    }

    private static JsonNode? ConvertNode(YamlNode node, ref int budget)
    {
        if (--budget < 0)
        {
            throw new BudgetExceededException();
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return Scalar(scalar);
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(ConvertNode(item, ref budget));
                }

                return array;
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain })
                    {
                        continue; // merged below, after the mapping's own keys, which win
                    }

                    obj[KeyText(key)] = ConvertNode(value, ref budget);
                }

                foreach (var merged in Merged(mapping))
                {
                    foreach (var (key, value) in merged.Children)
                    {
                        if (!obj.ContainsKey(KeyText(key)))
                        {
                            obj[KeyText(key)] = ConvertNode(value, ref budget);
                        }
                    }
                }

                return obj;
            default:
                return null;
        }
    }

    private static IEnumerable<YamlMappingNode> Merged(YamlMappingNode mapping) =>
        mapping.Children
            .Where(entry => entry.Key is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain })
            .SelectMany(entry => entry.Value switch
            {
                YamlMappingNode single => [single],
                YamlSequenceNode several => several.Children.OfType<YamlMappingNode>(),
                _ => [],
            });

    private static string KeyText(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "null" : key.ToString();

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag == "tag:yaml.org,2002:str" || (tag is null && scalar.Style != ScalarStyle.Plain))
        {
            return JsonValue.Create(text);
        }

        if (tag is not null and not ("tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" or "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:null"))
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (True().IsMatch(text))
        {
            return JsonValue.Create(true);
        }

        if (False().IsMatch(text))
        {
            return JsonValue.Create(false);
        }

        var digits = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (Decimal().IsMatch(digits) && long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (digits.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return JsonValue.Create(hex);
        }

        if (Float().IsMatch(digits) && double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex("^(y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$")]
    private static partial Regex True();

    [GeneratedRegex("^(n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$")]
    private static partial Regex False();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Decimal();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    private sealed class BudgetExceededException : Exception;
}
