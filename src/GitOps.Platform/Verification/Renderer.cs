using System.Globalization;
using System.Text.RegularExpressions;
using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using GitOps.Platform.Git;
using GitOps.Platform.Helm;
using GitOps.Platform.Promotion.Pins;
using GitOps.Platform.Verification.Rendering;

namespace GitOps.Platform.Verification;

/// <summary>
/// Render: writes what Argo CD will apply for one environment to <c>.nuke/temp/rendered/&lt;stage&gt;-&lt;cloud&gt;/</c>,
/// one file per resource (<c>&lt;kind&gt;-&lt;name&gt;.yaml</c>), so a review or a diff between two renders is readable.
/// A promoted stage renders chart and values file at its pin (<see cref="StageCharts"/>) with the release its parent
/// Application names (<see cref="ParentReleases"/>): what its Argo CD runs, not what main has since.
/// </summary>
/// <param name="helm">helm.</param>
/// <param name="runner">Runs git, to export a pinned commit's chart.</param>
public sealed partial class Renderer(HelmCli helm, GitOps.Targets.Tooling.IToolRunner runner)
{
    /// <exception cref="ArgumentException">The environment is not in the catalog.</exception>
    /// <exception cref="FileNotFoundException">The environment's values file is missing.</exception>
    /// <exception cref="HelmException">helm cannot render the environment.</exception>
    /// <exception cref="CatalogException">The stage catalog is invalid.</exception>
    /// <exception cref="ConfigurationPinException">The stage's pin is malformed or not in this clone's history.</exception>
    public async Task<RenderedEnvironment> RenderAsync(string repositoryRoot, EnvironmentId environment, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        var catalog = StageCatalog.Load(EnvironmentLayout.Resolve(repositoryRoot, EnvironmentLayout.StagesFile));
        if (!catalog.Contains(environment))
        {
            throw new ArgumentException(
                $"environment {environment} is not in {EnvironmentLayout.StagesFile}; environments: {string.Join(", ", catalog.Environments)}",
                nameof(environment));
        }

        var git = new GitCli(runner, repositoryRoot);
        var main = new MainLine(git);
        if (ConfigurationPins.Read(repositoryRoot, catalog, environment.Stage) is { } pin
            && await main.CheckAsync(pin.Sha, cancellationToken) is not (MainLineAnswer.OnMain or MainLineAnswer.NotACommit))
        {
            // The root Application would never run it: rendering it would show a stage that cannot exist (GO041).
            throw new ConfigurationPinException([new ConfigurationPinError(pin.File, pin.Line,
                $"stage {pin.Stage.ToName()}'s pin {pin.Sha} {await main.ProblemAsync(pin.Sha, cancellationToken)}; {MainLine.Advice}")]);
        }

        var chart = await new StageCharts(git, repositoryRoot).ForStageAsync(catalog, environment.Stage, cancellationToken);
        var values = chart.ValuesFile(environment);
        if (!File.Exists(values))
        {
            throw new FileNotFoundException($"{chart.ValuesLabel(environment)} is missing; {environment} cannot be rendered", values);
        }

        // A promoted stage's release is its parent Application's helm parameter, which Argo CD passes as --set-string.
        var parameters = chart.Pin is null ? null
            : new Dictionary<string, string> { [ParentReleases.Parameter] = ParentReleases.Read(repositoryRoot, environment).Value };
        var rendered = await helm.TemplateAsync(
            chart.Directory,
            EnvironmentLayout.ReleaseName(environment),
            "argocd",
            [values],
            cancellationToken,
            parameters);
        var directory = EnvironmentLayout.Resolve(repositoryRoot, EnvironmentLayout.RenderedDirectory(environment));
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true); // a resource removed from the chart must not linger here
        }

        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var (text, template) in RenderedManifests.Split(rendered, chart.Label))
        {
            var file = Path.Combine(directory, UniqueName(FileName(text, template), written));
            await File.WriteAllTextAsync(file, text, cancellationToken);
            written.Add(file);
        }

        return new RenderedEnvironment(environment, directory, written) { Pin = chart.Pin, MainNote = chart.Pin is null ? null : (await main.ReferenceAsync(cancellationToken))?.Note };
    }

    private static string FileName(string text, string template)
    {
        var root = RenderedManifests.Load(text, template).FirstOrDefault();
        var name = $"{root.Child("kind").Text() ?? "document"}-{root.At("metadata", "name").Text() ?? "unnamed"}";
        return UnsafeCharacters().Replace(name.ToLowerInvariant(), "-");
    }

    private static string UniqueName(string name, List<string> written)
    {
        var candidate = $"{name}.yaml";
        for (var index = 2; written.Any(file => Path.GetFileName(file) == candidate); index++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{name}-{index}.yaml");
        }

        return candidate;
    }

    [GeneratedRegex("[^a-z0-9.-]+")]
    private static partial Regex UnsafeCharacters();
}
