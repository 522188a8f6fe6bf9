using GitOps.Platform.Environments;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Lifecycle;

/// <summary>
/// What stands between a command and destroying production: the exact name of what is destroyed typed on the command
/// line (<c>--confirm-destroy prod-gcp</c>), and in a pipeline a manual job (<c>CI_JOB_MANUAL=true</c>). That variable
/// is not proof a person started the job: GitLab sets it for every <c>when: manual</c> and <c>when: delayed</c> job, and a
/// project variable outranks it. The real gates are the generated prod Destroy's <c>when: manual</c> rule (never
/// delayed) and the prod environment's protection with required approvers; this check only stops a job whose
/// configuration runs it by itself.
/// </summary>
/// <param name="Confirmation">The value of <c>--confirm-destroy</c>.</param>
/// <param name="Pipeline">Running in a CI pipeline (<c>--pipeline</c> or <c>GITLAB_CI=true</c>).</param>
/// <param name="ManualJob">GitLab says the job is manual (<c>CI_JOB_MANUAL=true</c>): a manual or delayed job, or a project variable.</param>
public sealed record DestroyApproval(string? Confirmation, bool Pipeline, bool ManualJob)
{
    public const string ConfirmationFlag = "--confirm-destroy";

    /// <summary>Stages whose clusters are only destroyed on purpose.</summary>
    public static bool IsProtected(Stage stage) => stage == Stage.Prod;

    /// <param name="stage">The stage of the cluster.</param>
    /// <param name="cluster">What is destroyed as the user must type it: <c>prod-gcp</c> or <c>prod-mgmt</c>.</param>
    /// <exception cref="UsageException">When the stage is protected and the approval is missing.</exception>
    public void Require(Stage stage, string cluster)
    {
        if (!IsProtected(stage))
        {
            return;
        }

        if (!string.Equals(Confirmation, cluster, StringComparison.Ordinal))
        {
            var given = string.IsNullOrEmpty(Confirmation) ? "it was not given" : $"'{Confirmation}' does not match";
            throw new UsageException($"Destroying {cluster} needs {ConfirmationFlag} {cluster} (exactly <stage>-<cloud>, or <stage>-mgmt for the management cluster); {given}. Nothing was destroyed.");
        }

        if (Pipeline && !ManualJob)
        {
            throw new UsageException($"Destroying {cluster} from a pipeline runs only in a manual job (when: manual, CI_JOB_MANUAL=true), as the generated prod Destroy is; this job is not one. Nothing was destroyed.");
        }
    }
}
