namespace GitOps.Targets.Planning;

/// <summary>A target in the plan; <see cref="SkipReason"/> is set when it will not run.</summary>
internal sealed record PlannedTarget(TargetNode Node, bool Invoked, string? SkipReason)
{
    public string Name => Node.Name;

    public bool IsSkipped => SkipReason is not null;
}
