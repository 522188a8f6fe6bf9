using System.Globalization;

namespace GitOps.Targets.GitLabCi.Yaml;

/// <summary>Writes a <see cref="TimeSpan"/> the way GitLab reads durations: <c>1h 30m</c>, <c>45m</c>, <c>90s</c> stays <c>1m 30s</c>.</summary>
internal static class GitLabDuration
{
    public static string Format(TimeSpan duration)
    {
        var hours = (long)duration.TotalHours;
        var parts = new List<string>(3);
        if (hours > 0)
        {
            parts.Add(hours.ToString(CultureInfo.InvariantCulture) + "h");
        }

        if (duration.Minutes > 0)
        {
            parts.Add(duration.Minutes.ToString(CultureInfo.InvariantCulture) + "m");
        }

        if (duration.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(duration.Seconds.ToString(CultureInfo.InvariantCulture) + "s");
        }

        return string.Join(' ', parts);
    }
}
