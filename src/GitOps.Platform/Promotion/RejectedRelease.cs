namespace GitOps.Platform.Promotion;

/// <summary>
/// A release kept from going further because its e2e tests failed on an environment. With a <see cref="Revision"/>
/// only that pair is rejected; an entry without one (written before pins) rejects the release at every revision.
/// </summary>
public sealed record RejectedRelease(string Version, string Stage, string Cloud, string Reason, DateTimeOffset RecordedAt)
{
    public string? Revision { get; init; }
}
