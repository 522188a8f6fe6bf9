using System.Globalization;
using GitOps.Platform.Environments;
using GitOps.Platform.Git;
using GitOps.Platform.GitLab;
using GitOps.Platform.Promotion.Pins;
using GitOps.Targets.Output;

namespace GitOps.Platform.Pipelines;

/// <summary>
/// Lets no one set pipeline variables on the project (<see cref="GitLabClient.RestrictPipelineVariablesAsync"/>): until
/// then the trigger token in every management cluster can set CI_PIPELINE_SOURCE or GIT_CONFIG_* (code in the runner's
/// own git) on main. Restricted at once, whatever the pins: a pinned chart from before pipeline inputs posts variables,
/// and under the inputs-reading .gitlab-ci.yml its trigger starts no job anyway, restricted or not; the log names those
/// stages, whose e2e waits for their promotion past the change. The one gate is GitLab's version: before
/// <see cref="TriggerInputsUnderRestrictionFrom"/> GitLab refuses every trigger call once restricted.
/// </summary>
public sealed class PipelineVariablesLockdown(StageCatalog catalog, string repositoryRoot, GitCli git, ILog log)
{
    /// <summary>
    /// The first GitLab release taken to hold gitlab-org/gitlab!204230 (#557381): before it the trigger API's own
    /// TRIGGER_PAYLOAD variable counted as a user-set one, so under the restriction every trigger-API call was refused.
    /// The MR's milestone could not be confirmed from here; 18.6 is the release after its merge window (September 2025).
    /// </summary>
    public static readonly Version TriggerInputsUnderRestrictionFrom = new(18, 6);

    /// <summary>Owner (50): the only role that may change the setting once the minimum role is owner or no_one_allowed.</summary>
    private const int Owner = 50;

    /// <summary>Maintainer (40): the role that may restrict pipeline variables.</summary>
    private const int Maintainer = 40;

    /// <summary>
    /// Checked before anything is provisioned: whether the restriction will be applied (false, with a warning saying
    /// why and what it leaves open, when GitLab is not configured or too old), and that the token may apply it.
    /// </summary>
    /// <exception cref="GitLabApiException">The token's role cannot change the setting.</exception>
    public async Task<bool> CheckAsync(Func<GitLabClient>? gitLab, CancellationToken cancellationToken)
    {
        if (gitLab is null)
        {
            log.Warning("Pipeline variables were not restricted: GitLab is not configured (CI_API_V4_URL, GITLAB_TOKEN, CI_PROJECT_ID). "
                + "Set \"Minimum role to use pipeline variables\" to \"No one allowed\" under Settings > CI/CD > Variables, or rerun with them set.");
            return false;
        }

        using var client = gitLab();
        var server = await client.GetServerVersionAsync(cancellationToken);
        if (server.Release is not { } release || release < TriggerInputsUnderRestrictionFrom)
        {
            log.Warning($"Pipeline variables were not restricted: GitLab {(server.Release is null ? $"'{server.Version}' (not a version)" : server.Version)} "
                + $"would refuse every trigger call once they are (gitlab-org/gitlab#557381); that needs GitLab {TriggerInputsUnderRestrictionFrom.ToString(2)} or later. "
                + "Until then the e2e trigger token can set any pipeline variable (CI_PIPELINE_SOURCE, GIT_CONFIG_*) on main: upgrade GitLab and rerun ProvisionManagementCluster.");
            return false;
        }

        var project = await client.GetProjectAsync(cancellationToken);
        var level = project.Permissions?.HighestLevel;
        var role = project.CiPipelineVariablesMinimumOverrideRole;
        var needed = role is "owner" or GitLabClient.NoOneMaySetPipelineVariables ? Owner : Maintainer;
        var restricted = project.RestrictUserDefinedVariables == true && role == GitLabClient.NoOneMaySetPipelineVariables;
        if (!restricted && level is { } known && known < needed)
        {
            throw new GitLabApiException(
                $"GITLAB_TOKEN has access level {known.ToString(CultureInfo.InvariantCulture)} on project {project.PathWithNamespace}; letting no one set pipeline variables "
                + $"needs {(needed == Owner ? "Owner (50), as the minimum role to use them is already " + role : "Maintainer (40) or higher")}. Nothing was provisioned.");
        }

        return true;
    }

    /// <summary><see cref="CheckAsync"/>, then <see cref="RestrictAsync"/> when it allows.</summary>
    /// <returns>Whether the project lets no one set pipeline variables now.</returns>
    public async Task<bool> ApplyAsync(Func<GitLabClient>? gitLab, CancellationToken cancellationToken)
    {
        if (!await CheckAsync(gitLab, cancellationToken))
        {
            return false;
        }

        await RestrictAsync(gitLab!, cancellationToken);
        return true;
    }

    /// <summary>Restricts (a rerun changes nothing), and names each promoted stage whose pinned hook still posts variables.</summary>
    public async Task RestrictAsync(Func<GitLabClient> gitLab, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gitLab);
        using (var client = gitLab())
        {
            var changed = await client.RestrictPipelineVariablesAsync(cancellationToken);
            log.Success(changed
                ? "Pipeline variables restricted: no one may set them any more (the hook and the release entry pass inputs)"
                : "Pipeline variables were already restricted: no one may set them");
        }

        var before = await PinsBeforeInputsAsync(cancellationToken);
        if (before.Count > 0)
        {
            log.Warning($"{string.Join(", ", before)} still post{(before.Count == 1 ? "s" : string.Empty)} variables from the e2e hook: "
                + "GitLab refuses those triggers, so that e2e does not run until the stage is promoted past the change to pipeline inputs.");
        }
    }

    /// <summary>"qa at 37760d764d2c" for each promoted stage served by the hook whose pinned chart does not post inputs only.</summary>
    public async Task<IReadOnlyList<string>> PinsBeforeInputsAsync(CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var stages = GitOpsPipelines.PostSyncEnvironments(catalog).Select(environment => environment.Stage).Distinct().Where(catalog.IsPinned);
        foreach (var stage in stages)
        {
            var pin = (await StagePinFile.ReadAsync(repositoryRoot, stage.ToName(), cancellationToken)).Revision();
            // A pin this clone does not hold cannot be shown to post inputs: counted as not yet.
            var template = await git.ShowFileAsync(pin, HookInputs.Template, cancellationToken);
            if (template is null || !HookInputs.PostsInputsOnly(template))
            {
                found.Add(template is null ? $"{stage.ToName()} at {pin[..12]} (not in this clone; fetch main's whole history)" : $"{stage.ToName()} at {pin[..12]}");
            }
        }

        return found;
    }
}
