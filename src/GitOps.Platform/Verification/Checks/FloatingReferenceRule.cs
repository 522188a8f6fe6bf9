using System.Text.RegularExpressions;
using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using GitOps.Platform.Verification.Rendering;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// A promoted stage (deployedRelease: semver) must run what its e2e tested: a chart version range, a branch or HEAD,
/// or a :latest image can change under it without any merge request. dev and nightly may float on purpose.
/// Findings point at the values line that sets the reference (the environment's file, else the chart defaults),
/// falling back to the template that renders it.
/// </summary>
internal sealed partial class FloatingReferenceRule(VerificationContext context, EnvironmentId environment, YamlFile values, StageChart chart)
{
    public void Check(RenderedDocument document)
    {
        if (!context.Catalog.RequiresSemVer(environment.Stage))
        {
            return;
        }

        if (document.IsApplication)
        {
            var spec = document.Root.Child("spec");
            foreach (var source in spec.Child("source") is { } single ? [single] : spec.Child("sources").Items())
            {
                CheckSource(document, source);
            }
        }

        CheckImages(document, document.Root);
    }

    private void CheckSource(RenderedDocument application, YamlNode source)
    {
        if (source.Child("ref") is not null)
        {
            return; // a ref: values source only lends its files to the other sources
        }

        var revision = source.Child("targetRevision").Text() ?? string.Empty;
        var stage = environment.Stage.ToName();
        if (source.Child("chart") is not null)
        {
            if (!ExactVersion().IsMatch(revision))
            {
                Report(RuleIds.FloatingChartVersion, Locate(application, "version:", revision),
                    $"Application {application.Name} installs chart {source.Child("chart").Text()} at '{revision}', a version range; stage {stage} is promoted and needs an exact version such as 1.2.3");
            }
        }
        else if (!CommitSha().IsMatch(revision) && !ExactVersion().IsMatch(revision))
        {
            Report(RuleIds.FloatingGitRevision, Locate(application, "targetRevision:", revision),
                $"Application {application.Name} tracks '{(revision.Length == 0 ? "HEAD (no targetRevision)" : revision)}' of {source.Child("repoURL").Text()}; stage {stage} is promoted and needs a commit SHA or a release tag");
        }
    }

    private void CheckImages(RenderedDocument document, YamlNode root)
    {
        foreach (var (path, scalar) in root.Scalars())
        {
            var key = LastKey(path);
            var text = scalar.Value ?? string.Empty;
            if (key == "HELM_VALUES" || (path.EndsWith(".value", StringComparison.Ordinal) && text.Contains('\n', StringComparison.Ordinal)))
            {
                // The vault plugin's values arrive as one YAML string: their images float just the same.
                if (YamlText.TryLoad(text, out var stream, out _, out _) && stream.Documents.Count > 0)
                {
                    CheckImages(document, stream.Documents[0].RootNode);
                }
            }
            else if (key == "image" && FloatingTag(text) is { } why)
            {
                Report(RuleIds.FloatingImageTag, Locate(document, "image:", text),
                    $"{document.Kind} {document.Name} runs image '{text}', {why}; stage {environment.Stage.ToName()} is promoted and needs a fixed tag or digest");
            }
            else if (key == "tag" && LastKey(path[..^".tag".Length]) == "image" && (text.Length == 0 || text == "latest"))
            {
                Report(RuleIds.FloatingImageTag, Locate(document, "tag:", text),
                    $"{document.Kind} {document.Name} sets image tag '{text}'; stage {environment.Stage.ToName()} is promoted and needs a fixed tag or digest");
            }
        }
    }

    private static string? FloatingTag(string image)
    {
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return null; // pinned by digest
        }

        var name = image[(image.LastIndexOf('/') + 1)..];
        var colon = name.LastIndexOf(':');
        return colon < 0 ? "which has no tag (Docker reads it as :latest)"
            : name[(colon + 1)..] == "latest" ? "a moving tag" : null;
    }

    private static string LastKey(string path)
    {
        var last = path[(path.LastIndexOf('.') + 1)..];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? last : last[..bracket];
    }

    /// <summary>The first line with both the key and the value: in the environment's values, then the chart defaults.</summary>
    private (string File, int Line) Locate(RenderedDocument document, string key, string value)
    {
        // The chart defaults are those of the chart the stage runs: at its pin for a promoted stage.
        foreach (var (file, path) in new[] { (values.Path, context.Files.FullPath(values.Path)), ($"{chart.Label}/values.yaml", Path.Combine(chart.Directory, "values.yaml")) })
        {
            if (value.Length > 0 && File.Exists(path))
            {
                var lines = File.ReadAllLines(path);
                var index = Array.FindIndex(lines, line => line.Contains(key, StringComparison.Ordinal) && line.Contains(value, StringComparison.Ordinal));
                if (index >= 0)
                {
                    return (file, index + 1);
                }
            }
        }

        return (document.Template, context.Templates.LineOf(document.Template, key, "kind:"));
    }

    private void Report(string ruleId, (string File, int Line) at, string message) =>
        context.Sink.Add(environment, at.File, at.Line, ruleId, message);

    [GeneratedRegex(@"^v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ExactVersion();

    [GeneratedRegex("^[0-9a-f]{40}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommitSha();
}
