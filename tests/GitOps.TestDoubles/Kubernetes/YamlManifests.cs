using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace GitOps.TestDoubles.Kubernetes;

/// <summary>A multi-document YAML file as the JSON objects kubectl would send (every scalar a string).</summary>
public static class YamlManifests
{
    public static IEnumerable<JsonObject> Read(string yaml)
    {
        var deserializer = new DeserializerBuilder().Build();
        using var reader = new StringReader(yaml);
        var parser = new Parser(reader);
        parser.Consume<StreamStart>();
        var documents = new List<JsonObject>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (deserializer.Deserialize<object>(parser) is { } document && JsonSerializer.SerializeToNode(document) is JsonObject json)
            {
                documents.Add(json);
            }
        }

        return documents;
    }
}
