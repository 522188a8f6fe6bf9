using GitOps.Platform.ArgoCd;
using GitOps.Platform.Environments.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Lifecycle;

/// <summary>
/// The Argo CD every management cluster runs, as pinned in <c>environments/argocd/argocd-chart.yaml</c>: chart,
/// repository, exact version, release, namespace and values file (an absolute path), plus the Application health
/// check those values put into argocd-cm, so our own apply of it agrees with the chart's.
/// </summary>
public sealed record ArgoCdChart(
    string Repository, string Chart, string Version, string ReleaseName, string Namespace, string ValuesFile, string ApplicationHealthLua)
{
    public const string PinFile = "environments/argocd/argocd-chart.yaml";

    public static ArgoCdChart Load(string repositoryRoot)
    {
        var pin = Read(repositoryRoot, PinFile);
        string Field(string key) => pin.Child(key).Text() is { Length: > 0 } value
            ? value
            : throw new ManifestException($"{PinFile}:{pin.Line()}: '{key}' is missing; the pin needs repository, chart, version, releaseName, namespace and valuesFile");

        var valuesFile = Field("valuesFile");
        var values = Read(repositoryRoot, valuesFile);
        var lua = values.At("configs", "cm", ApplicationHealthCheck.ConfigMapKey).Text();
        return new ArgoCdChart(
            Field("repository"), Field("chart"), Field("version"), Field("releaseName"), Field("namespace"),
            Resolve(repositoryRoot, valuesFile), string.IsNullOrWhiteSpace(lua) ? ApplicationHealthCheck.DefaultLua : lua);
    }

    private static YamlMappingNode Read(string repositoryRoot, string relative)
    {
        var path = Resolve(repositoryRoot, relative);
        if (!File.Exists(path))
        {
            throw new ManifestException($"{relative}: file not found; the management cluster's Argo CD is pinned there");
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
                ? root
                : throw new ManifestException($"{relative}:1: expected one YAML mapping");
        }
        catch (YamlException error)
        {
            throw new ManifestException($"{relative}:{error.Start.Line}: invalid YAML: {error.InnerException?.Message ?? error.Message}", error);
        }
    }

    private static string Resolve(string repositoryRoot, string relative) =>
        Path.GetFullPath(Path.Combine(repositoryRoot, relative.Replace('/', Path.DirectorySeparatorChar)));
}
