namespace GitOps.Platform.Promotion.Pins;

/// <summary>The main a pin is checked against: how messages name it, its commit, and why it is not origin's main fetched just now (null when it is).</summary>
public sealed record MainReference(string Shown, string Commit, string? Note);
