using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Tests.ArgoCd;

/// <summary>Reading rendered manifests in tests: a nested mapping by key path, a scalar by key.</summary>
internal static class YamlNodeExtensions
{
    public static YamlMappingNode At(this YamlMappingNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => (YamlMappingNode)current.Children[key]);

    public static string? Scalar(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? ((YamlScalarNode)value).Value : null;
}
