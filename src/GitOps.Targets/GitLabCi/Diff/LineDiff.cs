namespace GitOps.Targets.GitLabCi.Diff;

/// <summary>
/// A line-based edit script from the longest common subsequence of the lines between the common prefix and suffix.
/// Generated files change in a few places, so the part left for the quadratic step is small; past a size limit the
/// middle is shown as replaced wholesale, which is still a correct (if longer) diff.
/// </summary>
internal static class LineDiff
{
    private const long MaxTableCells = 4_000_000;

    public static IReadOnlyList<LineEdit> Compute(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var prefix = 0;
        while (prefix < before.Count && prefix < after.Count && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Count - prefix && suffix < after.Count - prefix
            && before[before.Count - 1 - suffix] == after[after.Count - 1 - suffix])
        {
            suffix++;
        }

        var edits = new List<LineEdit>(before.Count + after.Count);
        edits.AddRange(before.Take(prefix).Select(line => new LineEdit(LineEdit.Same, line)));
        var oldMiddle = before.Skip(prefix).Take(before.Count - prefix - suffix).ToArray();
        var newMiddle = after.Skip(prefix).Take(after.Count - prefix - suffix).ToArray();
        if ((long)oldMiddle.Length * newMiddle.Length > MaxTableCells)
        {
            edits.AddRange(oldMiddle.Select(line => new LineEdit(LineEdit.Removed, line)));
            edits.AddRange(newMiddle.Select(line => new LineEdit(LineEdit.Added, line)));
        }
        else
        {
            AddCommonSubsequenceEdits(oldMiddle, newMiddle, edits);
        }

        edits.AddRange(before.Skip(before.Count - suffix).Select(line => new LineEdit(LineEdit.Same, line)));
        return edits;
    }

    private static void AddCommonSubsequenceEdits(string[] before, string[] after, List<LineEdit> edits)
    {
        // common[i, j] = length of the LCS of before[i..] and after[j..].
        var common = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                common[i, j] = before[i] == after[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < before.Length || y < after.Length)
        {
            if (x < before.Length && y < after.Length && before[x] == after[y])
            {
                edits.Add(new LineEdit(LineEdit.Same, before[x++]));
                y++;
            }
            else if (x < before.Length && (y == after.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                // On a tie the removal goes first, so a changed line reads as "-old" then "+new".
                edits.Add(new LineEdit(LineEdit.Removed, before[x++]));
            }
            else
            {
                edits.Add(new LineEdit(LineEdit.Added, after[y++]));
            }
        }
    }
}
