namespace GitOps.Targets.GitLabCi;

/// <summary>Failure kinds a job is retried on (<c>retry:when</c>).</summary>
public enum GitLabRetryWhen
{
    Always,
    UnknownFailure,
    ScriptFailure,
    ApiFailure,
    StuckOrTimeoutFailure,
    RunnerSystemFailure,
    RunnerUnsupported,
    StaleSchedule,
    JobExecutionTimeout,
    ArchivedFailure,
    UnmetPrerequisites,
    SchedulerFailure,
    DataIntegrityFailure,
}
