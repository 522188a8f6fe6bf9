using GitOps.Targets.Errors;
using GitOps.Targets.Parameters;
using GitOps.Targets.Planning;

namespace GitOps.Targets.Execution;

/// <summary>
/// Every <c>Requires(() => X)</c> of the targets that will run, checked before anything runs. All failures are reported
/// at once, one line per missing parameter naming its flag, its variable and the targets that need it.
/// </summary>
internal static class RequirementCheck
{
    public static void ThrowIfUnmet(ExecutionPlan plan, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var unmet = plan.Targets.Where(target => !target.IsSkipped)
            .SelectMany(target => target.Node.Requirements.Select(requirement => (Target: target.Name, Requirement: requirement, Unmet: requirement.Check()))
                .Where(item => item.Unmet is not null))
            .ToList();
        if (unmet.Count == 0)
        {
            return;
        }

        var lines = unmet.GroupBy(item => item.Requirement.Member?.Name ?? item.Requirement.Expression, StringComparer.Ordinal)
            .Select(group => Describe(group.First().Requirement, group.First().Unmet!, parameters) + $" (needed by {string.Join(", ", group.Select(item => item.Target).Distinct())})");
        throw new UsageException(string.Join(Environment.NewLine, lines));
    }

    /// <summary>
    /// For --plan: every requirement of the targets that would run is evaluated, so a value that is given but wrong (a
    /// file named by a flag that is no kubeconfig, a missing lock) stops the plan with the run's own one line. One that
    /// is merely not given is the run's to report: the plan still shows what would run once it is.
    /// </summary>
    public static void ThrowIfInvalid(ExecutionPlan plan)
    {
        foreach (var requirement in plan.Targets.Where(target => !target.IsSkipped).SelectMany(target => target.Node.Requirements))
        {
            _ = requirement.IsSatisfied();
        }
    }

    private static string Describe(Definition.Requirement requirement, RequirementUnmet unmet, IReadOnlyList<ParameterDescriptor> parameters)
    {
        if (unmet.Reason.Length > 0)
        {
            return unmet.Reason;
        }

        var parameter = parameters.FirstOrDefault(candidate => candidate.Member.Equals(requirement.Member));
        if (parameter is null)
        {
            return $"Requirement not met: {requirement.Expression}";
        }

        var allowed = parameter.AllowedValues is { } values && !parameter.IsBoolean ? $"; allowed values: {Text.AllowedValues.List(values)}" : string.Empty;
        return $"Missing {parameter.Flag} (or the environment variable {parameter.EnvironmentVariable}){allowed}";
    }
}
