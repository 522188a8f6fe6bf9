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
            .SelectMany(target => target.Node.Requirements.Where(requirement => !requirement.IsSatisfied())
                .Select(requirement => (Target: target.Name, Requirement: requirement)))
            .ToList();
        if (unmet.Count == 0)
        {
            return;
        }

        var lines = unmet.GroupBy(item => item.Requirement.Member?.Name ?? item.Requirement.Expression, StringComparer.Ordinal)
            .Select(group => Describe(group.First().Requirement, parameters) + $" (needed by {string.Join(", ", group.Select(item => item.Target).Distinct())})");
        throw new UsageException(string.Join(Environment.NewLine, lines));
    }

    private static string Describe(Definition.Requirement requirement, IReadOnlyList<ParameterDescriptor> parameters)
    {
        var parameter = parameters.FirstOrDefault(candidate => candidate.Member.Equals(requirement.Member));
        if (parameter is null)
        {
            return $"Requirement not met: {requirement.Expression}";
        }

        var allowed = parameter.AllowedValues is { } values && !parameter.IsBoolean ? $"; allowed values: {string.Join(", ", values)}" : string.Empty;
        return $"Missing {parameter.Flag} (or the environment variable {parameter.EnvironmentVariable}){allowed}";
    }
}
