using GitOps.Targets.Errors;

namespace GitOps.Targets.Parameters;

/// <summary>
/// Refuses, in a pipeline, every <see cref="ParameterAttribute.NotFromPipelineVariables"/> parameter whose value came from
/// an environment variable: a trigger or API variable could have set it (see the attribute). Checked right after binding,
/// so nothing has run yet.
/// </summary>
internal static class PipelineVariableGuard
{
    public const string Reason = "it chooses what runs or which credentials are used, and GitLab lets trigger and API variables override every variable";

    public static void ThrowIfFromVariables(IReadOnlyList<ParameterValue> bound)
    {
        var refused = bound.Where(value => value.Parameter.NotFromPipelineVariables && value.Source == ParameterSource.EnvironmentVariable).ToList();
        if (refused.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine, refused.Select(Describe)));
        }
    }

    private static string Describe(ParameterValue value) =>
        $"environment variable {value.Origin} is set, but in a pipeline {value.Parameter.Flag} is read only from the command line or .nuke/parameters.json ({Reason}); "
        + $"unset {value.Origin}, and pass {value.Parameter.Flag} in the job's command or commit it to .nuke/parameters.json.";
}
