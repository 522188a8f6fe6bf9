using Semver;

namespace GitOps.Platform.Promotion;

/// <summary>A platform release as written in <c>deployedRelease</c>: a strict SemVer 2.0 version.</summary>
public sealed record ReleaseVersion : IComparable<ReleaseVersion>
{
    private ReleaseVersion(SemVersion value) => Value = value;

    public SemVersion Value { get; }

    public static ReleaseVersion Parse(string text, string? source = null) =>
        TryParse(text, out var version) ? version
        : throw new PromotionRefusedException(RefusalReason.InvalidVersion,
            $"{(source is null ? string.Empty : source + ": ")}'{text}' is not a SemVer release version; expected MAJOR.MINOR.PATCH[-prerelease][+build], e.g. 1.4.2"
            + (text.StartsWith('v') ? " (drop the leading 'v')" : string.Empty));

    public static bool TryParse(string? text, out ReleaseVersion version)
    {
        version = null!;
        if (text is null || !SemVersion.TryParse(text, SemVersionStyles.Strict, out var parsed))
        {
            return false;
        }

        version = new ReleaseVersion(parsed);
        return true;
    }

    public int CompareTo(ReleaseVersion? other) => other is null ? 1 : Value.ComparePrecedenceTo(other.Value);

    public bool Equals(ReleaseVersion? other) => other is not null && Value.Equals(other.Value);

    public override int GetHashCode() => Value.GetHashCode();

    public override string ToString() => Value.ToString();

    public static bool operator <(ReleaseVersion? left, ReleaseVersion? right) => Compare(left, right) < 0;

    public static bool operator <=(ReleaseVersion? left, ReleaseVersion? right) => Compare(left, right) <= 0;

    public static bool operator >(ReleaseVersion? left, ReleaseVersion? right) => Compare(left, right) > 0;

    public static bool operator >=(ReleaseVersion? left, ReleaseVersion? right) => Compare(left, right) >= 0;

    private static int Compare(ReleaseVersion? left, ReleaseVersion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
