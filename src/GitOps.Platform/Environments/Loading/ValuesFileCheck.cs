using GitOps.Platform.Environments.Yaml;
using GitOps.Targets.Files;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Environments.Loading;

/// <summary>
/// Before Render, a deploy or e2e starts: an environment's values file, and every <c>$values/</c> file its parent
/// Application in <c>app-of-apps-&lt;stage&gt;.yaml</c> names, is a regular file. Helm and Argo CD would otherwise fail
/// later, inside a target (or in the cluster, after the apply), and a directory was reported as "missing".
/// </summary>
public static class ValuesFileCheck
{
    private const string ValuesPrefix = "$values/";

    /// <exception cref="InputFileException">The first file that is not a regular file, by its path relative to the root (and the parent's line).</exception>
    public static void Require(string repositoryRoot, EnvironmentId environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        var values = EnvironmentLayout.ValuesFile(environment);
        if (InputFile.NotARegularFile(EnvironmentLayout.Resolve(repositoryRoot, values)) is { } problem)
        {
            throw new InputFileException(values, 0, $"{Described(problem)}; {environment}'s values file must be a regular file (environments/<stage>/values-<stage>-<cloud>.yaml)");
        }

        var parent = EnvironmentLayout.AppOfAppsFile(environment.Stage);
        foreach (var (reference, line) in ParentReferences(repositoryRoot, parent, EnvironmentLayout.ReleaseName(environment)))
        {
            if (InputFile.NotARegularFile(EnvironmentLayout.Resolve(repositoryRoot, reference)) is { } missing)
            {
                throw new InputFileException(parent, line,
                    $"Application {EnvironmentLayout.ReleaseName(environment)} names the values file {reference}, which is {(missing == "not found" ? "not found" : missing)}; a values file must be a regular file in this repository");
            }
        }
    }

    private static string Described(string problem) => problem == "not found" ? problem : $"is {problem}, not a regular file";

    /// <summary>The <c>$values/</c> paths of the named Application's sources; none when the parent cannot be read (Verify names that).</summary>
    private static IEnumerable<(string Path, int Line)> ParentReferences(string repositoryRoot, string parent, string application)
    {
        var path = EnvironmentLayout.Resolve(repositoryRoot, parent);
        string text;
        try
        {
            text = InputFile.ReadUtf8Text(path, parent, "an app-of-apps file");
        }
        catch (InputFileException)
        {
            yield break;
        }

        if (!YamlText.TryLoad(text, out var stream, out _, out _))
        {
            yield break;
        }

        foreach (var document in stream.Documents)
        {
            var root = document.RootNode;
            if (root.Child("kind").Text() != "Application" || root.At("metadata", "name").Text() != application)
            {
                continue;
            }

            var valueFiles = root.At("spec", "sources").Items().Append(root.At("spec", "source") ?? new YamlMappingNode())
                .SelectMany(source => source.At("helm", "valueFiles").Items());
            foreach (var valueFile in valueFiles)
            {
                if (valueFile.Text() is { } reference && reference.StartsWith(ValuesPrefix, StringComparison.Ordinal))
                {
                    yield return (reference[ValuesPrefix.Length..], valueFile.Line());
                }
            }
        }
    }
}
