using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Environments.Yaml;

/// <summary>Reading parsed YAML while keeping where each node is, so messages can say file:line.</summary>
internal static class YamlNodes
{
    public static int Line(this YamlNode node) => checked((int)node.Start.Line);

    public static YamlNode? Child(this YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    /// <summary>The node at a path of mapping keys, or null when any step is missing.</summary>
    public static YamlNode? At(this YamlNode? node, params string[] path) =>
        path.Aggregate(node, (current, key) => current.Child(key));

    /// <summary>The key node itself (its line is where the entry starts), or null.</summary>
    public static YamlScalarNode? KeyNode(this YamlNode? node, string key) =>
        node is YamlMappingNode mapping
            ? mapping.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(candidate => candidate.Value == key)
            : null;

    public static string? Text(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(this YamlNode? node) =>
        node is YamlSequenceNode sequence ? sequence.Children : [];

    /// <summary>Every scalar below a node, depth first, with the key path that leads to it.</summary>
    public static IEnumerable<(string Path, YamlScalarNode Scalar)> Scalars(this YamlNode node, string path = "")
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                yield return (path, scalar);
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    foreach (var inner in value.Scalars(path.Length == 0 ? key.Text() ?? "?" : $"{path}.{key.Text()}"))
                    {
                        yield return inner;
                    }
                }

                break;
            case YamlSequenceNode sequence:
                for (var index = 0; index < sequence.Children.Count; index++)
                {
                    foreach (var inner in sequence.Children[index].Scalars($"{path}[{index}]"))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
