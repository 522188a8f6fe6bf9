using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Rendering;

/// <summary>Splits <c>helm template</c> output into documents, keeping which template each came from.</summary>
internal static class RenderedManifests
{
    private const string SourcePrefix = "# Source: ";

    /// <summary>Each document's exact text and its template (relative to the repository root); empty documents are dropped.</summary>
    /// <param name="rendered">helm's output.</param>
    /// <param name="chartDirectory">The chart relative to the repository root; helm names templates "chartname/templates/...".</param>
    public static IEnumerable<(string Text, string Template)> Split(string rendered, string chartDirectory)
    {
        var chunk = new List<string>();
        foreach (var line in rendered.Split('\n').Select(line => line.TrimEnd('\r')).Append("---"))
        {
            if (line != "---")
            {
                chunk.Add(line);
                continue;
            }

            if (chunk.Any(text => text.Length > 0 && !text.StartsWith('#')))
            {
                var source = chunk.FirstOrDefault(text => text.StartsWith(SourcePrefix, StringComparison.Ordinal));
                yield return (string.Join('\n', chunk) + "\n", source is null ? chartDirectory : TemplatePath(source[SourcePrefix.Length..].Trim(), chartDirectory));
            }

            chunk = [];
        }
    }

    /// <exception cref="FormatException">When a rendered document is not valid YAML.</exception>
    public static List<RenderedDocument> Parse(string rendered, string chartDirectory)
    {
        var documents = new List<RenderedDocument>();
        foreach (var (text, template) in Split(rendered, chartDirectory))
        {
            documents.AddRange(Load(text, template).Select(root => new RenderedDocument(template, root)));
        }

        return documents;
    }

    public static IEnumerable<YamlMappingNode> Load(string text, string template)
    {
        if (!YamlText.TryLoad(text, out var stream, out _, out var error))
        {
            throw new FormatException($"{template}: rendered YAML does not parse: {error}");
        }

        return stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>();
    }

    // Subcharts render as "chart/charts/sub/templates/x.yaml": replacing the first segment keeps them pointing at files.
    private static string TemplatePath(string source, string chartDirectory)
    {
        var slash = source.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? chartDirectory : $"{chartDirectory}/{source[(slash + 1)..]}";
    }
}
