namespace GitOps.Platform.Pipelines;

/// <summary>
/// The <c>rules:if</c> expressions that tell GitLab's pipelines apart (see CI_PIPELINE_SOURCE). The PostSync hook
/// and the platform repository start ours through the trigger API (<c>trigger</c>), the pipeline API (<c>api</c>) or
/// a multi-project <c>trigger:</c> job (<c>pipeline</c>); their inputs (<see cref="PipelineInputs"/>) tell which one it is.
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

    /// <summary>
    /// The job variables the build reads what the PostSync hook sent from (charts/app-of-apps/templates/e2e-trigger-job.yaml
    /// posts them as inputs; the jobs set these from <see cref="PipelineInputs"/>).
    /// </summary>
    public const string ReleaseVariable = "RELEASE";
    public const string RevisionVariable = "REVISION";

    /// <summary>The job variable holding the release_entry_version input: the new release's version.</summary>
    public const string ReleaseEntryVariable = "RELEASE_ENTRY_VERSION";
}
