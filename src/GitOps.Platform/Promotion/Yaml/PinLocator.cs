namespace GitOps.Platform.Promotion.Yaml;

/// <summary>
/// Finds the pins in a stage's <c>app-of-apps-&lt;stage&gt;.yaml</c>: in every Application document, the
/// <c>targetRevision</c> of the one source whose <c>path</c> is the app-of-apps chart, and (moved with it) those of the
/// other sources of the same repository, the <c>ref: values</c> source: Argo CD renders one repository at one revision.
/// Other documents (AppProjects) and sources of other repositories are not pins.
/// </summary>
internal static class PinLocator
{
    private const char ByteOrderMark = '\uFEFF';

    public static IReadOnlyList<PinLocation> Find(string text, string chartPath, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var offset = text.Length > 0 && text[0] == ByteOrderMark ? 1 : 0;
        var pins = new List<PinLocation>();
        foreach (var document in ScalarLocator.Parse(text[offset..], source))
        {
            if (document.Child("kind")?.Scalar?.Value != "Application")
            {
                continue;
            }

            var name = document.Child("metadata")?.Child("name")?.Scalar?.Value ?? "(unnamed)";
            var spec = document.Child("spec");
            var sources = spec?.Child("sources") is { IsSequence: true } list ? list.Items
                : spec?.Child("source") is { IsMapping: true } single ? [single] : [];
            var charts = sources.Where(candidate => candidate.Child("ref") is null && Normalised(candidate.Child("path")?.Scalar?.Value) == chartPath).ToList();
            if (charts.Count != 1)
            {
                throw ScalarLocator.Error(source, document.Event.Start.Line,
                    $"Application {name} has {charts.Count} sources with path {chartPath}; exactly one source renders the chart, and its targetRevision is the stage's pin");
            }

            var revision = charts[0].Child("targetRevision")
                ?? throw ScalarLocator.Error(source, charts[0].Event.Start.Line, $"Application {name}: the {chartPath} source has no targetRevision; it must pin a commit");
            var repository = charts[0].Child("repoURL")?.Scalar?.Value is { } url ? GitOps.Platform.Environments.Pins.RepositoryUrl.Normalise(url) : null;
            var sameRepository = sources.Where(candidate => !ReferenceEquals(candidate, charts[0]) && repository is not null
                    && candidate.Child("repoURL")?.Scalar?.Value is { } other && GitOps.Platform.Environments.Pins.RepositoryUrl.Normalise(other) == repository)
                .Select(candidate => candidate.Child("targetRevision")
                    ?? throw ScalarLocator.Error(source, candidate.Event.Start.Line, $"Application {name}: a source of the chart's repository has no targetRevision; it moves with the pin, so give it the pin's"))
                .Select(node => ScalarLocator.Locate(text, offset, node, "targetRevision", source)).ToList();
            pins.Add(new PinLocation(name, ScalarLocator.Locate(text, offset, revision, "targetRevision", source)) { SameRepository = sameRepository });
        }

        return pins;
    }

    // Argo CD reads "./charts/app-of-apps/" as "charts/app-of-apps".
    private static string? Normalised(string? path) =>
        path is null ? null : (path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path).TrimEnd('/');
}
