namespace GitOps.Targets.GitLabCi.Generation;

/// <summary>
/// Steps of a lane that must run as one unit against its environment (provision, then deploy): they become a child
/// pipeline in their own file, started by one trigger job that holds the lane's resource group until the child has
/// finished. A resource group on each job would serialise the jobs one by one, so two pipelines could interleave them.
/// The first step's <see cref="LaneStep.When"/> becomes the trigger job's; inside the child every step runs on success,
/// but for <see cref="StepWhen.Always"/>, which a teardown keeps. The trigger job starts the environment and links the
/// stop job when that is outside the child (in the parent, or in a child of its own whose trigger job stops the
/// environment); a stop job inside the child is linked from the child's start jobs.
/// </summary>
/// <param name="Name">Names the trigger job in place of a target, e.g. <c>Deploy</c> gives <c>main:Deploy:qa-gcp</c>.</param>
/// <param name="File">Repository-relative path the child pipeline is written to.</param>
public sealed record LaneChild(string Name, string File)
{
    /// <summary>Targets of the lane's steps that run in the child, in lane order.</summary>
    public IReadOnlyList<string> Targets { get; init => field = [.. value]; } = [];
}
