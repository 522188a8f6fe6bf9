using GitOps.Platform.Promotion.Pins;

namespace GitOps.Platform.Promotion;

/// <summary>
/// What Rollback's --to names: a release, or a pair <c>RELEASE@SHA</c> (a full 40-hex commit). A prefix is not taken:
/// it could name another commit once more exist, and pins are full SHAs everywhere else. The release alone means the
/// newest pair with that release that differs from what the stage runs now (<see cref="RollbackPlanner"/>).
/// </summary>
public sealed record RollbackTarget(ReleaseVersion Release, string? Revision)
{
    public const string Syntax = "RELEASE or RELEASE@SHA (a full 40-hex commit the stage was pinned to), e.g. 1.4.2 or 1.4.2@<40-hex>";

    public static RollbackTarget Parse(string text, string source = "--to")
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var release = ReleaseVersion.Parse((at < 0 ? text : text[..at]).Trim(), source);
        if (at < 0)
        {
            return new RollbackTarget(release, null);
        }

        var revision = text[(at + 1)..].Trim();
        return CommitRevision.IsFull(revision) ? new RollbackTarget(release, revision)
            : throw new PromotionRefusedException(RefusalReason.InvalidVersion,
                $"{source}: '{revision}' after '@' is not a full commit SHA; expected {Syntax}");
    }

    public override string ToString() => Revision is null ? Release.ToString() : $"{Release}@{Revision}";
}
