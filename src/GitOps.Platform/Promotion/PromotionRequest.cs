using GitOps.Platform.Promotion.Pins;

namespace GitOps.Platform.Promotion;

/// <summary>
/// What OpenPromotionMR knows: the source stage's values files, the next stage from the catalog (null for nightly and
/// prod), the next stage's values files, the source stage's e2e records and the quarantine list.
/// </summary>
public sealed record PromotionRequest(
    string SourceStage,
    string? NextStage,
    IReadOnlyList<StageValuesFile> SourceFiles,
    IReadOnlyList<StageValuesFile> TargetFiles,
    IReadOnlyList<E2eRecord> E2eRecords,
    RejectedReleases Rejected)
{
    /// <summary>Overrides the e2e gate and the quarantine, with a warning in the log and the MR.</summary>
    public bool Force { get; init; }

    /// <summary>The source stage's app-of-apps file: its pin is the configuration revision promoted with the release.</summary>
    public StagePinFile? SourcePins { get; init; }

    /// <summary>The next stage's app-of-apps file, whose pin the promotion moves.</summary>
    public StagePinFile? TargetPins { get; init; }

    /// <summary>Whether the next stage is protected by code owners (prod).</summary>
    public bool TargetRequiresCodeOwnerApproval { get; init; }
}
