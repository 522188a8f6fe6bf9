namespace GitOps.Platform.Pipelines;

/// <summary>
/// The <c>rules:if</c> expressions that tell GitLab's pipelines apart (see CI_PIPELINE_SOURCE). The PostSync hook
/// and the platform repository start ours through the trigger API (<c>trigger</c>), the pipeline API (<c>api</c>) or
/// a multi-project <c>trigger:</c> job (<c>pipeline</c>); their variables tell which one it is.
/// </summary>
public static class PipelineSources
{
    public const string MergeRequest = "$CI_PIPELINE_SOURCE == \"merge_request_event\"";
    public const string Push = "$CI_PIPELINE_SOURCE == \"push\"";
    public const string Schedule = "$CI_PIPELINE_SOURCE == \"schedule\"";
    public const string DefaultBranch = "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH";

    /// <summary>A push to, or a pipeline started by a person ("Run pipeline") on, the default branch.</summary>
    public const string DefaultBranchPushOrWeb = DefaultBranch + " && ($CI_PIPELINE_SOURCE == \"push\" || $CI_PIPELINE_SOURCE == \"web\")";

    public const string Triggered =
        "$CI_PIPELINE_SOURCE == \"trigger\" || $CI_PIPELINE_SOURCE == \"api\" || $CI_PIPELINE_SOURCE == \"pipeline\"";

    /// <summary>Variables the PostSync hook sends (charts/app-of-apps/templates/e2e-trigger-job.yaml).</summary>
    public const string StageVariable = "STAGE";
    public const string CloudVariable = "CLOUD";
    public const string ReleaseVariable = "RELEASE";

    /// <summary>The variable the platform repository's release pipeline sends: the new release's version.</summary>
    public const string ReleaseEntryVariable = "RELEASE_ENTRY_VERSION";
}
