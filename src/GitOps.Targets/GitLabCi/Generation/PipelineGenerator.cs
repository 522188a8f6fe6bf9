using GitOps.Targets.GitLabCi.Generation.Internal;

namespace GitOps.Targets.GitLabCi.Generation;

/// <summary>
/// Turns pipeline declarations into a GitLab pipeline: one job per lane step running
/// <c>./build.sh &lt;Target&gt; --param value ... [--skip targets-of-other-jobs]</c>, with <c>needs:</c> mirroring the
/// target graph inside the lane (a DAG; stages only group), environment and resource group where a step touches the
/// lane's environment, and <c>on_stop</c> pointing at the lane's stop job.
/// </summary>
public static class PipelineGenerator
{
    /// <summary>The job that runs <paramref name="target"/> in <paramref name="lane"/> of <paramref name="pipeline"/>.</summary>
    public static string JobName(string pipeline, string target, string lane) =>
        lane.Length == 0 ? $"{pipeline}:{target}" : $"{pipeline}:{target}:{lane}";

    /// <exception cref="InvalidGitLabPipelineException">Listing every mistake in the declarations (unknown targets, stages, forbidden artifacts) or in the result.</exception>
    public static GitLabPipeline Generate(
        IReadOnlyList<TargetDescription> targets, IReadOnlyList<PipelineDeclaration> pipelines, GenerationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(pipelines);
        ArgumentNullException.ThrowIfNull(settings);
        var order = new TargetOrder(targets);
        var errors = DeclarationCheck.Errors(order, pipelines, settings);
        if (errors.Count > 0)
        {
            throw new InvalidGitLabPipelineException(errors);
        }

        var lanes = pipelines.SelectMany(pipeline => pipeline.Lanes.Select(lane => (Lane: lane, Jobs: new LaneJobs(order, settings, pipeline, lane)))).ToList();
        var generated = new GitLabPipeline
        {
            HeaderComment = settings.HeaderComment,
            Inputs = settings.Inputs,
            Workflow = settings.Workflow,
            Stages = settings.Stages,
            Variables = settings.Variables,
            Default = settings.Default,
            Jobs = [.. lanes.SelectMany(lane => lane.Jobs.Create())],
            // A child pipeline shares nothing of the parent's file: it repeats the stages, variables and defaults.
            Children = lanes.SelectMany(lane => lane.Lane.Children.Select(child => (child.File, Jobs: lane.Jobs.ChildJobs(child)))).ToDictionary(
                child => child.File,
                child => new GitLabPipeline
                {
                    HeaderComment = settings.ChildHeaderComment ?? settings.HeaderComment,
                    Stages = settings.Stages,
                    Variables = settings.Variables,
                    Default = settings.Default,
                    Jobs = child.Jobs,
                },
                StringComparer.Ordinal),
        };
        var invalid = generated.Validate();
        return invalid.Count == 0 ? generated : throw new InvalidGitLabPipelineException(invalid);
    }
}
