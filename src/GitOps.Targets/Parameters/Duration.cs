using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GitOps.Targets.Parameters;

/// <summary>
/// Durations as people write them for timeouts: <c>90</c> (seconds, as kubectl and argocd read a bare number),
/// <c>90s</c>, <c>10m</c>, <c>1h30m</c>, or <c>00:10:00</c>. Only ASCII digits, and only values from
/// <see cref="Shortest"/> to <see cref="Longest"/>: anything else is a typo that must not reach a timer.
/// </summary>
internal static partial class Duration
{
    public static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

    /// <summary>A day: longer than any wait this build does, and far below what a timer can hold (about 24.8 days).</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    /// <summary>What the error messages say is allowed.</summary>
    public static string Allowed => $"a duration from {Format(Shortest)} to {Format(Longest)} such as 90 (seconds), 90s, 15m or 1h30m";

    public static bool TryParse(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = TimeSpan.Zero;
        var trimmed = text.Trim();
        var units = Units().Match(trimmed);
        var clock = Clock().Match(trimmed);
        double seconds;
        if (units.Success && trimmed.Length > 0)
        {
            seconds = Part(units, "h") * 3600 + Part(units, "m") * 60 + Part(units, "s") + Part(units, "bare");
        }
        else if (clock.Success)
        {
            seconds = Part(clock, "h") * 3600 + Part(clock, "m") * 60 + Part(clock, "s");
        }
        else
        {
            return false;
        }

        // Compared as seconds before a TimeSpan exists, so no value of any size can overflow.
        if (seconds < Shortest.TotalSeconds || seconds > Longest.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>The shortest spelling <see cref="TryParse"/> reads back, e.g. <c>20m</c> or <c>1h30m</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var text = new StringBuilder();
        var hours = (long)duration.TotalHours;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (duration.Minutes > 0)
        {
            text.Append(duration.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        if (duration.Seconds > 0 || text.Length == 0)
        {
            text.Append(duration.Seconds.ToString(CultureInfo.InvariantCulture)).Append('s');
        }

        return text.ToString();
    }

    /// <summary>A group's number, or 0; digits beyond what a double holds exactly are still far above the limit.</summary>
    private static double Part(Match match, string group) =>
        match.Groups[group].Success ? double.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

    // [0-9], not \d: \d also matches other scripts' digits, which int.Parse then rejects with an exception.
    [GeneratedRegex("^(?:(?<bare>[0-9]+)|(?:(?<h>[0-9]+)h)?(?:(?<m>[0-9]+)m)?(?:(?<s>[0-9]+)s)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Units();

    [GeneratedRegex("^(?<h>[0-9]{1,2}):(?<m>[0-5][0-9]):(?<s>[0-5][0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();
}
