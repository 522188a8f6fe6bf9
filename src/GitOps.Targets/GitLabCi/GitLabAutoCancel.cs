namespace GitOps.Targets.GitLabCi;

/// <summary>
/// <c>auto_cancel:</c> at workflow level, or in one workflow rule (GitLab 16.8+): what a newer commit on the same ref
/// does to this pipeline.
/// </summary>
public sealed record GitLabAutoCancel(GitLabAutoCancelOnNewCommit OnNewCommit);
