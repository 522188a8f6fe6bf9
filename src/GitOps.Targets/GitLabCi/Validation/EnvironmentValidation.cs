using System.Text.RegularExpressions;

namespace GitOps.Targets.GitLabCi.Validation;

/// <summary>
/// Checks resource groups and environments: the resource group charset, action values, and that <c>on_stop</c>
/// names a job that stops the same environment.
/// </summary>
internal static partial class EnvironmentValidation
{
    public static void Check(IReadOnlyList<GitLabJob> jobs, IReadOnlyDictionary<string, GitLabJob> byName, List<string> errors)
    {
        foreach (var job in jobs)
        {
            var owner = $"job '{job.Name}'";
            if (job.ResourceGroup is { } group && !ResourceGroupPattern().IsMatch(group))
            {
                errors.Add($"{owner}: resource_group '{group}' has characters GitLab rejects; "
                    + "allowed: letters, digits, '-', '_', '/', '$', '{', '}', '.', and spaces");
            }

            if (job.Environment is not { } environment)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(environment.Name))
            {
                errors.Add($"{owner}: environment name is blank");
            }

            if (environment.Action is { } action && !Enum.IsDefined(action))
            {
                errors.Add($"{owner}: environment action {action} is not one of start, prepare, stop, verify, access");
            }

            if (environment.DeploymentTier is { } tier && !Enum.IsDefined(tier))
            {
                errors.Add($"{owner}: deployment tier {tier} is not one of production, staging, testing, development, other");
            }

            CheckOnStop(owner, environment, byName, errors);
        }
    }

    private static void CheckOnStop(
        string owner, GitLabEnvironment environment, IReadOnlyDictionary<string, GitLabJob> byName, List<string> errors)
    {
        if (environment.OnStop is not { } stopJobName)
        {
            return;
        }

        if (!byName.TryGetValue(stopJobName, out var stopJob))
        {
            errors.Add($"{owner}: environment on_stop '{stopJobName}' is not a job of this pipeline");
        }
        else if (stopJob.Environment?.Action != GitLabEnvironmentAction.Stop)
        {
            errors.Add($"{owner}: environment on_stop '{stopJobName}' must have environment action Stop");
        }
        else if (!string.Equals(stopJob.Environment.Name, environment.Name, StringComparison.Ordinal))
        {
            errors.Add($"{owner}: environment on_stop '{stopJobName}' stops '{stopJob.Environment.Name}', "
                + $"not '{environment.Name}'; both must name the same environment");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-_/${}. ]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceGroupPattern();
}
