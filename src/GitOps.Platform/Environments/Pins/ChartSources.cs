using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Environments.Pins;

/// <summary>
/// Finds, in an app-of-apps file, the sources that render <see cref="EnvironmentLayout.ChartDirectory"/>: their
/// targetRevision is the stage's pin. The <c>ref: values</c> source is not one of them; it stays on main.
/// </summary>
internal static class ChartSources
{
    public static List<ChartSource> In(YamlStream stream)
    {
        var found = new List<ChartSource>();
        foreach (var root in stream.Documents.Select(document => document.RootNode))
        {
            if (root.Child("kind").Text() != "Application")
            {
                continue;
            }

            var name = root.At("metadata", "name").Text() ?? "(unnamed)";
            var spec = root.Child("spec");
            IEnumerable<YamlNode> sources = spec.Child("source") is { } single ? [single, .. spec.Child("sources").Items()] : spec.Child("sources").Items();
            foreach (var source in sources)
            {
                if (source.Child("ref") is null && NormalisedPath(source.Child("path").Text()) == EnvironmentLayout.ChartDirectory)
                {
                    found.Add(new ChartSource(name, source, source.Child("targetRevision") as YamlScalarNode));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Every targetRevision a pin moves: each chart source's, and those of the other sources of the same Application that
    /// name the same repository (its <c>ref: values</c> source), since Argo CD renders one repository at one revision.
    /// </summary>
    public static List<YamlScalarNode> PinnedRevisions(YamlStream stream)
    {
        var found = new List<YamlScalarNode>();
        foreach (var root in stream.Documents.Select(document => document.RootNode).Where(root => root.Child("kind").Text() == "Application"))
        {
            var spec = root.Child("spec");
            var sources = (spec.Child("source") is { } single ? [single, .. spec.Child("sources").Items()] : spec.Child("sources").Items()).ToList();
            var charts = sources.Where(source => source.Child("ref") is null && NormalisedPath(source.Child("path").Text()) == EnvironmentLayout.ChartDirectory).ToList();
            var repositories = charts.Select(chart => chart.Child("repoURL").Text()).OfType<string>().Select(RepositoryUrl.Normalise).ToHashSet(StringComparer.Ordinal);
            found.AddRange(sources.Where(source => charts.Contains(source) || (source.Child("repoURL").Text() is { } url && repositories.Contains(RepositoryUrl.Normalise(url))))
                .Select(source => source.Child("targetRevision")).OfType<YamlScalarNode>());
        }

        return found;
    }

    // Argo CD reads "./charts/app-of-apps/" as "charts/app-of-apps".
    private static string? NormalisedPath(string? path)
    {
        var trimmed = path?.Trim();
        if (trimmed?.StartsWith("./", StringComparison.Ordinal) == true)
        {
            trimmed = trimmed[2..];
        }

        return trimmed?.TrimEnd('/');
    }
}
