namespace GitOps.Platform.Pipelines;

/// <summary>
/// Which shape of the PostSync hook's trigger a chart has: inputs (<c>--form "inputs[stage]=…"</c>), or the variables
/// every chart before pipeline inputs posted (<c>variables[STAGE]</c>), which GitLab refuses once the project lets no
/// one set pipeline variables.
/// </summary>
public static class HookInputs
{
    /// <summary>The chart template holding the hook, relative to the repository root.</summary>
    public const string Template = "charts/app-of-apps/templates/e2e-trigger-job.yaml";

    /// <summary>The hook's script (or template) posts pipeline variables and no input.</summary>
    public static bool PostsVariablesOnly(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        return script.Contains("variables[", StringComparison.Ordinal) && !script.Contains("inputs[", StringComparison.Ordinal);
    }
}
