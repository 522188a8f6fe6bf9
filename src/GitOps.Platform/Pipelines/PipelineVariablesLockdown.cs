using GitOps.Platform.Environments;
using GitOps.Platform.Git;
using GitOps.Platform.GitLab;
using GitOps.Platform.Promotion.Pins;
using GitOps.Targets.Output;

namespace GitOps.Platform.Pipelines;

/// <summary>
/// Lets no one set pipeline variables on the project (<see cref="GitLabClient.RestrictPipelineVariablesAsync"/>), once
/// nothing of ours still sends them: .gitlab-ci.yml reads inputs, and every promoted stage's pinned chart posts inputs
/// from its hook. A pin from before inputs would have GitLab refuse that stage's every hook trigger, so while one
/// exists the setting is left alone and the log says which pin to promote past. Rerun after the promotions.
/// </summary>
public sealed class PipelineVariablesLockdown(StageCatalog catalog, string repositoryRoot, GitCli git, ILog log)
{
    /// <returns>Whether the project lets no one set pipeline variables now.</returns>
    public async Task<bool> ApplyAsync(Func<GitLabClient>? gitLab, CancellationToken cancellationToken)
    {
        if (gitLab is null)
        {
            log.Warning("Pipeline variables were not restricted: GitLab is not configured (CI_API_V4_URL, GITLAB_TOKEN, CI_PROJECT_ID). "
                + "Set \"Minimum role to use pipeline variables\" to \"No one allowed\" under Settings > CI/CD > Variables, or rerun with them set.");
            return false;
        }

        var before = await PinsBeforeInputsAsync(cancellationToken);
        if (before.Count > 0)
        {
            log.Warning($"Pipeline variables stay allowed for now: {string.Join(", ", before)} still post{(before.Count == 1 ? "s" : string.Empty)} "
                + "variables from the e2e hook, which GitLab would refuse. Promote past the change to pipeline inputs, then rerun ProvisionManagementCluster.");
            return false;
        }

        using var client = gitLab();
        var changed = await client.RestrictPipelineVariablesAsync(cancellationToken);
        log.Success(changed
            ? "Pipeline variables restricted: no one may set them any more (the hook and the release entry pass inputs)"
            : "Pipeline variables were already restricted: no one may set them");
        return true;
    }

    /// <summary>"qa at 37760d764d2c" for each promoted stage served by the hook whose pinned chart posts variables only.</summary>
    public async Task<IReadOnlyList<string>> PinsBeforeInputsAsync(CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var stages = GitOpsPipelines.PostSyncEnvironments(catalog).Select(environment => environment.Stage).Distinct().Where(catalog.IsPinned);
        foreach (var stage in stages)
        {
            var pin = (await StagePinFile.ReadAsync(repositoryRoot, stage.ToName(), cancellationToken)).Revision();
            // A pin this clone does not hold cannot be shown to post inputs: counted as not yet.
            var template = await git.ShowFileAsync(pin, HookInputs.Template, cancellationToken);
            if (template is null || HookInputs.PostsVariablesOnly(template))
            {
                found.Add(template is null ? $"{stage.ToName()} at {pin[..12]} (not in this clone; fetch main's whole history)" : $"{stage.ToName()} at {pin[..12]}");
            }
        }

        return found;
    }
}
