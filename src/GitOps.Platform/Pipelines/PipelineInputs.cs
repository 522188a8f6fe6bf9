using GitOps.Platform.Environments;
using GitOps.Targets.GitLabCi;

namespace GitOps.Platform.Pipelines;

/// <summary>
/// What the PostSync hook and the platform repository's release pipeline pass when they start ours: GitLab pipeline
/// inputs (the <c>spec:inputs</c> header of .gitlab-ci.yml), never pipeline variables. The project lets no one set
/// pipeline variables (ProvisionManagementCluster), since a variable can override CI_PIPELINE_SOURCE and reach the
/// runner's own git (GIT_CONFIG_*); an input is substituted into the configuration text when the pipeline is created,
/// after GitLab checked it against these options and patterns, and selects jobs only through the rules written here.
/// The build checks the values again, against the catalog and SemVer (TriggerInputs).
/// </summary>
public static class PipelineInputs
{
    /// <summary>
    /// The default of each input with a pattern, for every pipeline that passes none: not empty, since GitLab before
    /// gitlab-org/gitlab!192082 (#477707) matched no empty string against a pattern and so refused every push, merge
    /// request and schedule pipeline. Neither a SemVer version nor a commit; the rules compare against it, and the
    /// build reads it as "not given" (<see cref="Given"/>).
    /// </summary>
    public const string NotGiven = "none";

    /// <summary>A full SemVer 2.0 version (GitLab evaluates the pattern with RE2).</summary>
    public const string SemVerPattern =
        @"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$";

    /// <summary>The stage the hook's environment belongs to.</summary>
    public static GitLabInput Stage(StageCatalog catalog) => new("stage")
    {
        Description = "PostSync hook: the stage Argo CD synced (its e2e runs). Empty for every other pipeline.",
        Options = ["", .. GitOpsPipelines.PostSyncEnvironments(catalog).Select(environment => environment.Stage.ToName()).Distinct(StringComparer.Ordinal)],
    };

    public static GitLabInput Cloud(StageCatalog catalog) => new("cloud")
    {
        Description = "PostSync hook: the cloud of the synced environment.",
        Options = ["", .. GitOpsPipelines.PostSyncEnvironments(catalog).Select(environment => environment.Cloud.ToName()).Distinct(StringComparer.Ordinal)],
    };

    /// <summary>A SemVer release on promoted stages, a branch name (main) on dev; the build tells which the stage needs.</summary>
    public static readonly GitLabInput Release = new("release")
    {
        Description = "PostSync hook: the release Argo CD synced (SemVer, or the branch a branch stage deploys).",
        Default = NotGiven,
        Regex = $"^{NotGiven}$|" + @"^[A-Za-z0-9][A-Za-z0-9._/+-]*$",
    };

    public static readonly GitLabInput Revision = new("revision")
    {
        Description = $"PostSync hook: the commit Argo CD rendered the chart from (ARGOCD_APP_REVISION, 40 hex digits, or 64 in a SHA-256 repository); {NotGiven} where the Application reports none.",
        Default = NotGiven,
        Regex = $"^{NotGiven}$|^[0-9a-f]{{40}}$|^[0-9a-f]{{64}}$",
    };

    public static readonly GitLabInput ReleaseEntryVersion = new("release_entry_version")
    {
        Description = "Platform release pipeline: the new release (SemVer) to open the merge request moving qa to.",
        Default = NotGiven,
        Regex = $"^{NotGiven}$|" + SemVerPattern,
    };

    public static IReadOnlyList<GitLabInput> All(StageCatalog catalog) => [Stage(catalog), Cloud(catalog), Release, Revision, ReleaseEntryVersion];

    /// <summary>A value the build read from an input-fed job variable, null where the pipeline's starter passed none.</summary>
    public static string? Given(string? value) => value == NotGiven ? null : value;

    /// <summary>A <c>rules:if</c> operand: the input's value, substituted when the pipeline is created, as a string literal.</summary>
    public static string Value(GitLabInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return $"\"{input.Reference}\"";
    }
}
