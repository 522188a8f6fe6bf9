namespace GitOps.Platform.Environments;

/// <summary>A stage as the catalog declares it; <see cref="Line"/> is where, for messages about it.</summary>
public sealed record StageDefinition(
    Stage Stage,
    IReadOnlyList<Cloud> Clouds,
    Cloud ManagementCloud,
    DeployedReleaseKind DeployedRelease,
    bool OutsidePromotions,
    int Line)
{
    public bool RequiresSemVer => DeployedRelease == DeployedReleaseKind.SemVer;

    public IEnumerable<EnvironmentId> Environments => Clouds.Select(cloud => new EnvironmentId(Stage, cloud));
}
