namespace GitOps.Platform.Environments;

/// <summary>What opens the merge request that promotes a release to the next stage.</summary>
public enum PromotionTrigger
{
    /// <summary>A new platform release: its pipeline opens the merge request.</summary>
    PlatformRelease,

    /// <summary>The e2e tests passed on the stage after its sync: our pipeline opens the merge request.</summary>
    E2ePassed,

    /// <summary>A person opens the merge request; code owners approve it.</summary>
    Manual,
}
