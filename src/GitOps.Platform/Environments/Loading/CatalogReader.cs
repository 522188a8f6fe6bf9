using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Environments.Loading;

/// <summary>Reads <c>stages.yaml</c> with node positions and reports every mistake at once.</summary>
internal sealed class CatalogReader(string sourceFile)
{
    private static readonly string[] RootKeys = ["clusterName", "stages", "promotions"];

    private readonly CatalogErrors errors = new(sourceFile);

    public StageCatalog Read(string yaml)
    {
        var root = ParseRoot(yaml);
        if (root is null)
        {
            throw errors.ToException();
        }

        errors.RejectUnknownKeys(root, "the catalog", RootKeys);
        var clusterName = ReadClusterName(root);
        var stages = new StageReader(errors).Read(root.KeyNode("stages"), root.Child("stages"));
        var promotions = new PromotionReader(errors, stages).Read(root.KeyNode("promotions"), root.Child("promotions"));
        if (errors.Any)
        {
            throw errors.ToException();
        }

        return new StageCatalog(sourceFile, clusterName, [.. stages.Values.OrderBy(stage => stage.Line)], promotions);
    }

    private YamlMappingNode? ParseRoot(string yaml)
    {
        if (YamlCharacters.FirstDisallowed(yaml) is { } disallowed)
        {
            errors.Add(disallowed.Line, $"{disallowed.Character} at column {disallowed.Column} is not allowed in YAML (helm refuses it too); remove it");
            return null;
        }

        if (!YamlText.TryLoad(yaml, out var stream, out var line, out var error))
        {
            errors.Add(line, $"not valid YAML: {error}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(1, "the catalog must be a mapping with the keys clusterName, stages and promotions");
            return null;
        }

        return root;
    }

    private string ReadClusterName(YamlMappingNode root)
    {
        var node = root.Child("clusterName");
        var pattern = node.Text();
        if (node is null || string.IsNullOrWhiteSpace(pattern))
        {
            errors.Add(root, "missing 'clusterName', e.g. 'eurodat-{stage}-{cloud}'");
            return string.Empty;
        }

        if (!pattern.Contains("{stage}", StringComparison.Ordinal) || !pattern.Contains("{cloud}", StringComparison.Ordinal))
        {
            errors.Add(node, $"clusterName '{pattern}' must contain {{stage}} and {{cloud}} so every environment's cluster has its own name");
        }

        return pattern;
    }
}
