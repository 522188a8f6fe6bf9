using System.Globalization;
using System.Text;

namespace GitOps.Targets.GitLabCi.Diff;

/// <summary>Formats an edit script as unified-diff hunks with a few lines of context, cut after a number of lines.</summary>
internal static class UnifiedDiff
{
    public static string Format(IReadOnlyList<LineEdit> edits, string oldLabel, string newLabel, int context, int maxLines)
    {
        var output = new StringBuilder();
        output.Append("--- ").Append(oldLabel).Append('\n');
        output.Append("+++ ").Append(newLabel).Append('\n');
        var written = 0;
        var total = 0;
        foreach (var (start, end) in Hunks(edits, context))
        {
            var lines = HunkLines(edits, start, end);
            total += lines.Count;
            foreach (var line in lines.Take(Math.Max(0, maxLines - written)))
            {
                output.Append(line).Append('\n');
                written++;
            }
        }

        if (total > written)
        {
            output.Append(CultureInfo.InvariantCulture, $"... {total - written} more diff lines not shown\n");
        }

        return output.ToString();
    }

    // Ranges [start, end) of edits to show: each change with its context, overlapping ranges merged.
    private static List<(int Start, int End)> Hunks(IReadOnlyList<LineEdit> edits, int context)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Kind == LineEdit.Same)
            {
                continue;
            }

            var start = Math.Max(0, i - context);
            var end = Math.Min(edits.Count, i + context + 1);
            if (hunks.Count > 0 && start <= hunks[^1].End)
            {
                hunks[^1] = (hunks[^1].Start, end);
            }
            else
            {
                hunks.Add((start, end));
            }
        }

        return hunks;
    }

    private static List<string> HunkLines(IReadOnlyList<LineEdit> edits, int start, int end)
    {
        // 1-based line numbers where the hunk starts in the old and the new text.
        var oldLine = 1 + edits.Take(start).Count(edit => edit.Kind != LineEdit.Added);
        var newLine = 1 + edits.Take(start).Count(edit => edit.Kind != LineEdit.Removed);
        var range = edits.Skip(start).Take(end - start).ToList();
        var oldCount = range.Count(edit => edit.Kind != LineEdit.Added);
        var newCount = range.Count(edit => edit.Kind != LineEdit.Removed);
        var lines = new List<string>(range.Count + 1)
        {
            string.Create(CultureInfo.InvariantCulture, $"@@ -{oldLine},{oldCount} +{newLine},{newCount} @@"),
        };
        lines.AddRange(range.Select(edit => edit.Kind + edit.Text));
        return lines;
    }
}
