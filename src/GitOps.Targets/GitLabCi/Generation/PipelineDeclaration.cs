namespace GitOps.Targets.GitLabCi.Generation;

/// <summary>
/// One kind of pipeline the build runs in GitLab ("merge requests", "nightly", ...): when it exists, and the lanes
/// of targets it runs. Its <see cref="Name"/> prefixes every job it yields, so the same target can run in several.
/// </summary>
/// <param name="Name">Short and job-name safe, e.g. <c>nightly</c>.</param>
/// <param name="Condition">A GitLab <c>rules:if</c> expression that selects this pipeline, e.g. <c>$CI_PIPELINE_SOURCE == "schedule"</c>.</param>
public sealed record PipelineDeclaration(string Name, string Condition)
{
    public IReadOnlyList<Lane> Lanes { get; init => field = [.. value]; } = [];
}
