namespace GitOps.Platform.Promotion;

/// <summary>
/// The commits a pin move brings in (or, going back, takes out), newest first, with a compare link when the host is known.
/// <see cref="Omitted"/> counts those left out of a long list.
/// </summary>
public sealed record RevisionRange(string From, string To, bool Backwards, IReadOnlyList<RevisionCommit> Commits, int Omitted, string? CompareUrl);
