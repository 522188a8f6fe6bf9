using System.Text.RegularExpressions;

namespace GitOps.EndToEnd.Tests.Support;

/// <summary>Reads what ran from gitlab-ci-local's output and from <c>./build.sh --plan</c>.</summary>
internal static partial class PipelineRunLog
{
    /// <summary>Jobs in the order they started, each with the targets its build ran (the summary rows not skipped).</summary>
    public static IReadOnlyList<(string Job, IReadOnlyList<string> Targets)> Jobs(string output)
    {
        var lines = output.Split('\n').Select(line => Ansi().Replace(line, string.Empty)).ToList();
        var started = lines.Select(line => StartedJob().Match(line)).Where(match => match.Success).Select(match => match.Groups["job"].Value).Distinct().ToList();
        return [.. started.Select(job => (job, (IReadOnlyList<string>)[.. SummaryRows(lines, job)]))];
    }

    /// <summary>The targets a plan would run, in order, without those it marks skipped.</summary>
    public static IReadOnlyList<string> PlannedTargets(string planOutput) =>
        [.. planOutput.Split('\n').Select(line => PlanRow().Match(line)).Where(match => match.Success && !match.Groups["skipped"].Success)
            .Select(match => match.Groups["target"].Value)];

    private static IEnumerable<string> SummaryRows(List<string> lines, string job)
    {
        var inSummary = false;
        foreach (var line in lines)
        {
            // A job's output line: "[time duration] <job>   > <text>".
            var body = line.Split(" > ", 2);
            if (body.Length < 2 || !body[0].TrimEnd().EndsWith(job, StringComparison.Ordinal))
            {
                continue;
            }

            var text = body[1].Trim();
            if (text.StartsWith("Target ", StringComparison.Ordinal) && text.Contains("Status", StringComparison.Ordinal))
            {
                inSummary = true;
            }
            else if (text.StartsWith("Total", StringComparison.Ordinal))
            {
                inSummary = false;
            }
            else if (inSummary && SummaryRow().Match(text) is { Success: true } row && row.Groups["status"].Value is "Succeeded" or "Failed")
            {
                yield return row.Groups["target"].Value;
            }
        }
    }

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();

    [GeneratedRegex(@"^(\[[^\]]*\]\s+)?(?<job>\S+)\s+starting shell")]
    private static partial Regex StartedJob();

    [GeneratedRegex(@"^(?<target>[A-Za-z0-9]+)\s+(?<status>[A-Za-z]+)\s")]
    private static partial Regex SummaryRow();

    [GeneratedRegex(@"^\s*\d+\.\s+(?<target>[A-Za-z0-9]+)(?<skipped>\s+\(skipped.*)?\s*$")]
    private static partial Regex PlanRow();
}
