namespace GitOps.Platform.Environments;

/// <summary>What a stage's <c>deployedRelease</c> may hold.</summary>
public enum DeployedReleaseKind
{
    /// <summary>A released platform version (1.4.2): what was tested is what gets promoted.</summary>
    SemVer,

    /// <summary>A branch of the platform repository (main), for stages that follow development.</summary>
    Branch,
}
