namespace GitOps.Build;

/// <summary>Promotion of a release dev -> qa -> qa-int -> prod, each step a reviewed merge request (seed 000).</summary>
internal sealed partial class Build
{
    [Parameter("Release to promote (SemVer), for the release entry: opens the MR that moves qa to it.")]
    private readonly string? Version;

    [Parameter("Promote even though the e2e record is missing or failed (logged, and written into the MR).")]
    private readonly bool Force;

    [Parameter("Version to roll back to; must appear in the history of the stage's values files.")]
    private readonly string? To;

    private Target RunE2E => _ => _
        .Description("Runs the e2e suite against the environment and records the version tested and the result.")
        .DependsOn(PrepareSensitiveInformation)
        .After(DeployAppOfApps)
        .Requires(() => Stage)
        .Requires(() => Cloud)
        .Executes(() => throw new TargetNotImplementedException("promotion lands with issue 6"));

    private Target OpenPromotionMR => _ => _
        .Description("Opens (or updates) the merge request that promotes the stage's release to the next stage.")
        .DependsOn(RunE2E)
        .Requires(() => Stage)
        .Executes(() => throw new TargetNotImplementedException("promotion lands with issue 6"));

    private Target Rollback => _ => _
        .Description("Opens the merge request that sets a stage back to an earlier release (--to).")
        .DependsOn(PrepareSensitiveInformation)
        .Requires(() => Stage)
        .Requires(() => To)
        .Executes(() => throw new TargetNotImplementedException("rollback lands with issue 6"));
}
