using System.Globalization;
using System.Text;
using GitOps.Targets.Execution;
using GitOps.Targets.Output;

namespace GitOps.Targets.Cli;

/// <summary>The table at the end of every run: target, status (with reason), duration; then the verdict.</summary>
internal static class SummaryWriter
{
    public static string Write(IReadOnlyList<TargetOutcome> outcomes, TimeSpan total, int exitCode, ConsoleStyle style)
    {
        var width = Math.Max(20, outcomes.Select(outcome => outcome.Name.Length).DefaultIfEmpty(0).Max() + 2);
        var rule = new string('═', width + 40);
        var text = new StringBuilder().AppendLine().AppendLine(rule);
        text.AppendLine($"{"Target".PadRight(width)}{"Status",-12}{"Duration",-10}");
        text.AppendLine(new string('─', width + 40));
        foreach (var outcome in outcomes)
        {
            var status = outcome.Status.ToString().PadRight(12);
            var line = $"{outcome.Name.PadRight(width)}{status}{Format(outcome.Duration),-10}"
                + (outcome.Info is { } info ? $"// {FirstLine(info)}" : string.Empty);
            text.AppendLine(style.Level(Level(outcome.Status), line.TrimEnd()));
        }

        text.AppendLine(new string('─', width + 40));
        text.AppendLine($"{"Total".PadRight(width)}{string.Empty,-12}{Format(total)}");
        text.AppendLine(rule);
        var verdict = exitCode switch
        {
            0 => style.Level(LogLevel.Success, "Build succeeded"),
            130 => style.Level(LogLevel.Error, "Build interrupted"),
            _ => style.Level(LogLevel.Error, "Build failed"),
        };
        return text.AppendLine(verdict + $" on {DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)} (exit code {exitCode}).").ToString();
    }

    private static LogLevel Level(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded => LogLevel.Success,
        TargetStatus.Failed or TargetStatus.Aborted => LogLevel.Error,
        TargetStatus.NotRun => LogLevel.Warning,
        _ => LogLevel.Debug,
    };

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');

    private static string Format(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1) ? "< 1sec" : duration.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
