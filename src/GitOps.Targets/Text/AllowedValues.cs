namespace GitOps.Targets.Text;

/// <summary>
/// The allowed values an error lists, in one line: all of them while that stays readable, else the first ones and a
/// pointer to --help, which lists every one.
/// </summary>
internal static class AllowedValues
{
    private const int MaxLength = 400;

    public static string List(IEnumerable<string> values)
    {
        var all = values.ToList();
        var shown = new List<string>();
        var length = 0;
        foreach (var value in all)
        {
            if (length + value.Length + 2 > MaxLength)
            {
                return $"{string.Join(", ", shown)}, … ({all.Count - shown.Count} more; see --help)";
            }

            shown.Add(value);
            length += value.Length + 2;
        }

        return string.Join(", ", shown);
    }
}
