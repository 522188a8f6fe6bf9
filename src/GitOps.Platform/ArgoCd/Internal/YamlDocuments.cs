using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.ArgoCd.Internal;

/// <summary>
/// YAML manifests to the JSON the API server takes. Plain scalars get their YAML 1.2 core-schema types
/// (true, 42, 1.5, null); quoted or tagged-as-string scalars stay strings, so "1.0" and "true" survive as text.
/// </summary>
internal static class YamlDocuments
{
    public static IReadOnlyList<(JsonObject Resource, long Line)> Read(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException error)
        {
            throw new ManifestException($"{file}:{error.Start.Line}: invalid YAML: {error.InnerException?.Message ?? error.Message}", error);
        }

        var documents = new List<(JsonObject, long)>();
        foreach (var root in stream.Documents.Select(document => document.RootNode))
        {
            switch (root)
            {
                case YamlMappingNode mapping:
                    documents.Add(((JsonObject)ToJson(mapping)!, root.Start.Line));
                    break;
                case YamlScalarNode { Value: null or "" }:
                    break;
                default:
                    throw new ManifestException($"{file}:{root.Start.Line}: a manifest document must be a mapping (apiVersion, kind, metadata, spec)");
            }
        }

        return documents;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(entry =>
            KeyValuePair.Create(((YamlScalarNode)entry.Key).Value ?? string.Empty, ToJson(entry.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
            _ when IsDecimal(text) => JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    private static bool IsDecimal(string text) =>
        text.Any(char.IsDigit) && text.All(c => char.IsDigit(c) || c is '.' or '-' or '+' or 'e' or 'E')
        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
