using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GitOps.Platform.Promotion.Yaml;

/// <summary>Reads every document of a YAML stream into <see cref="YamlOutlineNode"/> trees.</summary>
internal static class YamlOutlineReader
{
    private static readonly IReadOnlyList<KeyValuePair<YamlOutlineNode, YamlOutlineNode>> NoPairs = [];

    /// <summary>The root node of each document; a document without content has none.</summary>
    public static IReadOnlyList<YamlOutlineNode> ReadDocuments(string text)
    {
        var parser = new Parser(new StringReader(text));
        var documents = new List<YamlOutlineNode>();
        parser.Consume<StreamStart>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            if (!parser.Accept<DocumentEnd>(out _))
            {
                documents.Add(ReadNode(parser));
            }

            parser.Consume<DocumentEnd>();
        }

        parser.Consume<StreamEnd>();
        return documents;
    }

    private static YamlOutlineNode ReadNode(IParser parser)
    {
        var current = parser.Current ?? throw new InvalidOperationException("The YAML parser ended inside a node.");
        parser.MoveNext();
        switch (current)
        {
            case MappingStart:
                var pairs = new List<KeyValuePair<YamlOutlineNode, YamlOutlineNode>>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser);
                    pairs.Add(new(key, ReadNode(parser)));
                }

                return new YamlOutlineNode(current, pairs);
            case SequenceStart:
                // Kept for the pin locator, which finds the chart source among an Application's sources; key paths never index them.
                var items = new List<YamlOutlineNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser));
                }

                return new YamlOutlineNode(current, NoPairs) { Items = items };
            default:
                return new YamlOutlineNode(current, NoPairs);
        }
    }
}
