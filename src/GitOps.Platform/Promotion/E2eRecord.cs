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
    public string Environment => $"{Stage}-{Cloud}";

    public string Summary =>
        $"{Result.ToString().ToLowerInvariant()}: {Tests} tests, {Failures} failures, {Errors} errors, {Skipped} skipped";
}
