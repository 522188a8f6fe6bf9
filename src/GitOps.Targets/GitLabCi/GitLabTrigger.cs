namespace GitOps.Targets.GitLabCi;

/// <summary>
/// A trigger job's downstream pipeline: a child pipeline from a file of this repository (<c>trigger:include:local</c>),
/// with <c>strategy: depend</c>, so the trigger job (and whatever resource group it holds) lasts until the child
/// pipeline has finished and takes its status.
/// </summary>
/// <param name="Include">Repository-relative path of the child pipeline's file, e.g. <c>.ci/pipelines/main-qa-gcp.yml</c>.</param>
public sealed record GitLabTrigger(string Include);
