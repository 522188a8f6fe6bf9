namespace GitOps.Targets.GitLabCi.Yaml;

/// <summary>The YAML spelling of each enum value; an undefined value is caught by validation before writing.</summary>
internal static class GitLabKeywords
{
    public static string Of(GitLabWhen when) => when switch
    {
        GitLabWhen.OnSuccess => "on_success",
        GitLabWhen.OnFailure => "on_failure",
        GitLabWhen.Always => "always",
        GitLabWhen.Never => "never",
        GitLabWhen.Manual => "manual",
        _ => throw Undefined(when),
    };

    public static string Of(GitLabAutoCancelOnNewCommit mode) => mode switch
    {
        GitLabAutoCancelOnNewCommit.Conservative => "conservative",
        GitLabAutoCancelOnNewCommit.Interruptible => "interruptible",
        GitLabAutoCancelOnNewCommit.None => "none",
        _ => throw Undefined(mode),
    };

    public static string Of(GitLabArtifactsWhen when) => when switch
    {
        GitLabArtifactsWhen.OnSuccess => "on_success",
        GitLabArtifactsWhen.OnFailure => "on_failure",
        GitLabArtifactsWhen.Always => "always",
        _ => throw Undefined(when),
    };

    public static string Of(GitLabEnvironmentAction action) => action switch
    {
        GitLabEnvironmentAction.Start => "start",
        GitLabEnvironmentAction.Prepare => "prepare",
        GitLabEnvironmentAction.Stop => "stop",
        GitLabEnvironmentAction.Verify => "verify",
        GitLabEnvironmentAction.Access => "access",
        _ => throw Undefined(action),
    };

    public static string Of(GitLabDeploymentTier tier) => tier switch
    {
        GitLabDeploymentTier.Production => "production",
        GitLabDeploymentTier.Staging => "staging",
        GitLabDeploymentTier.Testing => "testing",
        GitLabDeploymentTier.Development => "development",
        GitLabDeploymentTier.Other => "other",
        _ => throw Undefined(tier),
    };

    public static string Of(GitLabCachePolicy policy) => policy switch
    {
        GitLabCachePolicy.PullPush => "pull-push",
        GitLabCachePolicy.Pull => "pull",
        GitLabCachePolicy.Push => "push",
        _ => throw Undefined(policy),
    };

    public static string Of(GitLabRetryWhen when) => when switch
    {
        GitLabRetryWhen.Always => "always",
        GitLabRetryWhen.UnknownFailure => "unknown_failure",
        GitLabRetryWhen.ScriptFailure => "script_failure",
        GitLabRetryWhen.ApiFailure => "api_failure",
        GitLabRetryWhen.StuckOrTimeoutFailure => "stuck_or_timeout_failure",
        GitLabRetryWhen.RunnerSystemFailure => "runner_system_failure",
        GitLabRetryWhen.RunnerUnsupported => "runner_unsupported",
        GitLabRetryWhen.StaleSchedule => "stale_schedule",
        GitLabRetryWhen.JobExecutionTimeout => "job_execution_timeout",
        GitLabRetryWhen.ArchivedFailure => "archived_failure",
        GitLabRetryWhen.UnmetPrerequisites => "unmet_prerequisites",
        GitLabRetryWhen.SchedulerFailure => "scheduler_failure",
        GitLabRetryWhen.DataIntegrityFailure => "data_integrity_failure",
        _ => throw Undefined(when),
    };

    private static ArgumentOutOfRangeException Undefined<T>(T value)
        where T : struct, Enum =>
        new(nameof(value), value, $"{typeof(T).Name} has no value {value}");
}
