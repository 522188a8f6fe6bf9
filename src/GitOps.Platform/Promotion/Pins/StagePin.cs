namespace GitOps.Platform.Promotion.Pins;

/// <summary>One Application's pin as written: the commit its chart source renders, and the line it is on.</summary>
public sealed record StagePin(string Application, string Revision, long Line);
