namespace GitOps.Targets.Text;

/// <summary>Finds the closest valid name for a typo, for "did you mean" hints.</summary>
internal static class Suggestion
{
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        // Nothing typed is within reach of every short name: no hint is better than a guess.
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var best = candidates
            .Select(candidate => (candidate, distance: Distance(input.ToUpperInvariant(), candidate.ToUpperInvariant())))
            .OrderBy(pair => pair.distance)
            .FirstOrDefault();
        // Beyond about half the word the "suggestion" is noise.
        return best.candidate is not null && best.distance <= Math.Max(2, input.Length / 2) ? best.candidate : null;
    }

    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } closest ? $" Did you mean '{closest}'?" : string.Empty;

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
