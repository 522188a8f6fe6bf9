using System.Text;
using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// A YAML file read with node positions. A file that does not parse, or that helm would refuse although it parses
/// (<see cref="HelmYamlCompatibility"/>), is reported once as GO019 and not read further.
/// </summary>
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

    /// <summary>
    /// The file's documents, or null (and GO019 in <paramref name="sink"/>) when helm could not read it. Parsed once per
    /// Verify run: the nodes are shared by the checks that read the file, which only read them.
    /// </summary>
    public static YamlFile? Read(RepositoryFiles files, string path, FindingSink sink) =>
        files.ParsedOnce(path, () => Parse(files, path, sink));

    private static YamlFile? Parse(RepositoryFiles files, string path, FindingSink sink)
    {
        var bytes = File.ReadAllBytes(files.FullPath(path));
        if (HelmYamlCompatibility.InBytes(bytes) is { } encoding)
        {
            sink.Add(path, encoding.Line, RuleIds.YamlUnreadable, encoding.Message);
            return null;
        }

        if (!YamlText.TryLoad(Encoding.UTF8.GetString(bytes.AsSpan(bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0)), out var stream, out var line, out var error))
        {
            sink.Add(path, line, RuleIds.YamlUnreadable, $"not valid YAML: {error}");
            return null;
        }

        if (HelmYamlCompatibility.InDocuments(stream) is { } refused)
        {
            sink.Add(path, refused.Line, RuleIds.YamlUnreadable, refused.Message);
            return null;
        }

        return new YamlFile(path, [.. stream.Documents.Select(document => document.RootNode)]);
    }
}
