using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>A YAML file read with node positions; a file that does not parse is reported once as GO019.</summary>
internal sealed record YamlFile(string Path, IReadOnlyList<YamlNode> Documents)
{
    public YamlNode? Root => Documents.Count > 0 ? Documents[0] : null;

    /// <summary>The line of the node at <paramref name="path"/>, or of its deepest existing ancestor key; 1 if none.</summary>
    public int LineOf(params string[] path)
    {
        var line = 1;
        var node = Root;
        foreach (var key in path)
        {
            if (node.KeyNode(key) is not { } keyNode)
            {
                break;
            }

            line = keyNode.Line();
            node = node.Child(key);
        }

        return line;
    }

    public static YamlFile? Read(RepositoryFiles files, string path, FindingSink sink)
    {
        if (!YamlText.TryLoad(File.ReadAllText(files.FullPath(path)), out var stream, out var line, out var error))
        {
            sink.Add(path, line, RuleIds.YamlUnreadable, $"not valid YAML: {error}");
            return null;
        }

        return new YamlFile(path, [.. stream.Documents.Select(document => document.RootNode)]);
    }
}
