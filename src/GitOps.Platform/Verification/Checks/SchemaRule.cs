using System.Collections.Concurrent;
using System.Globalization;
using GitOps.Platform.Environments.Yaml;
using GitOps.Platform.Verification.Rendering;
using GitOps.Platform.Verification.Schemas;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Every committed or rendered Kubernetes object meets its kind's schema, as the API server and Argo CD would check
/// it: Argo CD v3's for Argo CD objects, Kubernetes' for core kinds (see <see cref="ManifestSchemaValidator"/>).
/// A committed object is reported at the offending line; a rendered one at its template's line for that field.
/// Objects are handed to node as checks find them (<see cref="ManifestObjects.HandOver"/>), so it validates while helm
/// still renders; <see cref="ReportAsync"/> reports once all are in.
/// </summary>
internal sealed class SchemaRule(ManifestSchemaRun run)
{
    private readonly ConcurrentDictionary<int, ManifestObject> objects = new();

    /// <summary>Hands objects to the schema check now; safe to call from checks running in parallel.</summary>
    public void Submit(IReadOnlyList<ManifestObject> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var first = run.Submit([.. batch.Select(item => KubernetesJson.Convert(item.Root))]);
        for (var index = 0; index < batch.Count; index++)
        {
            objects[first + index] = batch[index];
        }
    }

    /// <summary>Waits for node's answer about every object submitted and reports each problem.</summary>
    /// <exception cref="ManifestSchemaException">When the schema check cannot run (one line).</exception>
    public async Task ReportAsync(FindingSink sink, TemplateLines templates, CancellationToken cancellationToken)
    {
        var problems = await run.CompleteAsync(cancellationToken);
        foreach (var (index, found) in problems)
        {
            var item = objects[index];
            foreach (var problem in found)
            {
                var message = $"{What(item)}: {Describe(problem.Path)} {problem.Message} ({Schema(item.Root)})";
                if (item.Environment is { } environment)
                {
                    var key = problem.Path.LastOrDefault(segment => !int.TryParse(segment, CultureInfo.InvariantCulture, out _));
                    var line = templates.LineOf(item.File, key is null ? [KindNeedle(item.Root), "kind:"] : [$"{key}:", KindNeedle(item.Root), "kind:"]);
                    sink.Add(environment, item.File, line, RuleIds.ManifestSchema, message.Replace($"-{environment}", string.Empty, StringComparison.Ordinal));
                }
                else
                {
                    sink.Add(item.File, LineOf(item.Root, problem.Path), RuleIds.ManifestSchema, message);
                }
            }
        }
    }

    /// <summary>The line of the field at <paramref name="path"/>, or of its deepest ancestor that exists.</summary>
    internal static int LineOf(YamlNode root, IReadOnlyList<string> path)
    {
        var line = root.Line();
        var node = root;
        foreach (var segment in path)
        {
            switch (node)
            {
                case YamlMappingNode mapping when mapping.KeyNode(segment) is { } key:
                    line = key.Line();
                    node = mapping.Children[key];
                    continue;
                case YamlSequenceNode sequence when int.TryParse(segment, CultureInfo.InvariantCulture, out var index) && index < sequence.Children.Count:
                    node = sequence.Children[index];
                    line = node.Line();
                    continue;
            }

            break;
        }

        return line;
    }

    private static string What(ManifestObject item) =>
        $"{item.Root.Child("kind").Text() ?? "object"} {item.Root.At("metadata", "name").Text() ?? "(unnamed)"}";

    private static string KindNeedle(YamlMappingNode root) => $"kind: {root.Child("kind").Text()}";

    // Without an apiVersion only Argo CD's own kinds are checked against Argo CD's schema (as the validator does).
    private static string Schema(YamlMappingNode root) =>
        root.Child("apiVersion").Text() is { } apiVersion
            ? apiVersion == "argoproj.io" || apiVersion.StartsWith("argoproj.io/", StringComparison.Ordinal) ? "Argo CD v3 schema" : "Kubernetes schema"
            : root.Child("kind").Text() is "Application" or "AppProject" or "ApplicationSet" ? "Argo CD v3 schema" : "Kubernetes schema";

    // spec.sources[0].targetRevision
    private static string Describe(IReadOnlyList<string> path) =>
        path.Count == 0
            ? "the object"
            : string.Concat(path.Select((segment, index) => int.TryParse(segment, CultureInfo.InvariantCulture, out _) ? $"[{segment}]" : index == 0 ? segment : $".{segment}"));
}
