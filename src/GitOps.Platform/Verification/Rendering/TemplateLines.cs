using System.Collections.Concurrent;

namespace GitOps.Platform.Verification.Rendering;

/// <summary>
/// Finds the line in a chart template that produced a rendered node. Rendered YAML has no link back to template lines,
/// so the first template line containing the node's key is the best pointer to what to edit.
/// </summary>
internal sealed class TemplateLines(string repositoryRoot)
{
    private readonly ConcurrentDictionary<string, string[]> files = new(StringComparer.Ordinal);

    // A pinned stage's templates are named "<sha>:charts/..." (git's revision:path) and read from that commit's export.
    private readonly ConcurrentDictionary<string, string> pinnedRoots = new(StringComparer.Ordinal);

    /// <summary>Where templates named <c>&lt;revision&gt;:path</c> are read from.</summary>
    public void AddRevision(string revision, string exportRoot) => pinnedRoots[revision] = exportRoot;

    /// <summary>The first line containing any of <paramref name="needles"/>, tried in order; 1 when none is found.</summary>
    public int LineOf(string template, params string[] needles)
    {
        var lines = files.GetOrAdd(template, Read);
        foreach (var needle in needles)
        {
            var index = Array.FindIndex(lines, line => line.Contains(needle, StringComparison.Ordinal));
            if (index >= 0)
            {
                return index + 1;
            }
        }

        return 1;
    }

    private string[] Read(string template)
    {
        var colon = template.IndexOf(':', StringComparison.Ordinal);
        var path = colon > 0 && pinnedRoots.TryGetValue(template[..colon], out var root)
            ? Path.Combine(root, template[(colon + 1)..])
            : Path.Combine(repositoryRoot, template);
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }
}
