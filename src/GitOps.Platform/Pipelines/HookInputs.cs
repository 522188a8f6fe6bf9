using System.Text.RegularExpressions;

namespace GitOps.Platform.Pipelines;

/// <summary>
/// Which shape of the PostSync hook's trigger a chart has: inputs (<c>--form "inputs[stage]=…"</c>), or the variables
/// every chart before pipeline inputs posted (<c>variables[STAGE]</c>), which GitLab refuses once the project lets no
/// one set pipeline variables. Decided from the form fields the script posts (curl's <c>--form</c>/<c>-F</c>), not from
/// any mention in a comment.
/// </summary>
public static partial class HookInputs
{
    /// <summary>The chart template holding the hook, relative to the repository root.</summary>
    public const string Template = "charts/app-of-apps/templates/e2e-trigger-job.yaml";

    /// <summary>The hook's script (or template) posts pipeline variables and no input: a chart from before inputs.</summary>
    public static bool PostsVariablesOnly(string script)
    {
        var posted = PostedKinds(script);
        return posted.Contains("variables") && !posted.Contains("inputs");
    }

    /// <summary>The hook's script (or template) posts inputs and not one pipeline variable: GitLab starts its pipeline under the restriction.</summary>
    public static bool PostsInputsOnly(string script)
    {
        var posted = PostedKinds(script);
        return posted.Contains("inputs") && !posted.Contains("variables");
    }

    private static HashSet<string> PostedKinds(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var code = string.Join('\n', script.Split('\n').Where(line => !line.TrimStart().StartsWith('#')));
        return [.. PostedField().Matches(code).Select(match => match.Groups["kind"].Value)];
    }

    [GeneratedRegex("""(?:--form(?:-string)?|-F)\s+["']?(?<kind>inputs|variables)\[""", RegexOptions.CultureInvariant)]
    private static partial Regex PostedField();
}
