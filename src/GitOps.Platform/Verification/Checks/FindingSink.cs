using System.Collections.Concurrent;
using GitOps.Platform.Environments;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Collects findings from checks running in parallel. A chart template wrong for several environments is reported
/// once, naming the environments, instead of once per environment.
/// </summary>
internal sealed class FindingSink
{
    private readonly ConcurrentBag<(Finding Finding, EnvironmentId? Environment)> findings = [];

    public void Add(string file, int line, string ruleId, string message) =>
        findings.Add((new Finding(file, line, ruleId, message), null));

    public void Add(EnvironmentId environment, string file, int line, string ruleId, string message) =>
        findings.Add((new Finding(file, line, ruleId, message), environment));

    public IReadOnlyList<Finding> Collate() =>
    [
        .. findings
            .GroupBy(entry => entry.Finding)
            .Select(group => Merge(group.Key, [.. group.Select(entry => entry.Environment).OfType<EnvironmentId>().Distinct()]))
            .OrderBy(finding => finding.File, StringComparer.Ordinal)
            .ThenBy(finding => finding.Line)
            .ThenBy(finding => finding.RuleId, StringComparer.Ordinal)
            .ThenBy(finding => finding.Message, StringComparer.Ordinal),
    ];

    private static Finding Merge(Finding finding, List<EnvironmentId> environments)
    {
        // An environment's own values file already says which environment it is about.
        if (environments.Count == 0 || environments.All(environment => finding.File == EnvironmentLayout.ValuesFile(environment)))
        {
            return finding;
        }

        var names = string.Join(", ", environments.Select(environment => environment.ToString()).Order(StringComparer.Ordinal));
        return finding with { Message = $"{finding.Message} (in {names})" };
    }
}
