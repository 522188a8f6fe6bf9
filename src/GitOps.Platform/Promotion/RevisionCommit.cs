namespace GitOps.Platform.Promotion;

/// <summary>One commit between two pins: its SHA, subject, and a link when the host is known.</summary>
public sealed record RevisionCommit(string Sha, string Subject, string? Url);
