namespace GitOps.Platform.Promotion;

/// <summary>What RunE2E tested on one environment and how it went; OpenPromotionMR reads it as its gate.</summary>
public sealed record E2eRecord(
    string Stage,
    string Cloud,
    string Version,
    E2eResult Result,
    int Tests,
    int Failures,
    int Errors,
    int Skipped,
    DateTimeOffset Timestamp,
    string? JUnitPath)
{
    /// <summary>The configuration revision (the stage's pin) the environment ran; null for records from before pins.</summary>
    public string? Revision { get; init; }

    public string Environment => $"{Stage}-{Cloud}";

    /// <summary>What was tested: the release, and the revision where there was one.</summary>
    public string Tested => Revision is null ? Version : $"{Version} at {Pins.CommitRevision.Abbreviate(Revision)}";

    public string Summary =>
        $"{Result.ToString().ToLowerInvariant()}: {Tests} tests, {Failures} failures, {Errors} errors, {Skipped} skipped";
}
