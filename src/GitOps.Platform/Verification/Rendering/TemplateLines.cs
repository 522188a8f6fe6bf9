using System.Collections.Concurrent;

namespace GitOps.Platform.Verification.Rendering;

/// <summary>
/// Finds the line in a chart template that produced a rendered node. Rendered YAML has no link back to template lines,
/// so the first template line containing the node's key is the best pointer to what to edit.
/// </summary>
internal sealed class TemplateLines(string repositoryRoot)
{
    private readonly ConcurrentDictionary<string, string[]> files = new(StringComparer.Ordinal);

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
        var path = Path.Combine(repositoryRoot, template);
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }
}
