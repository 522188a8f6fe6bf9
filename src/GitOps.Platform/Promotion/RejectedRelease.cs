namespace GitOps.Platform.Promotion;

/// <summary>A release kept from going further because its e2e tests failed on an environment.</summary>
public sealed record RejectedRelease(string Version, string Stage, string Cloud, string Reason, DateTimeOffset RecordedAt);
