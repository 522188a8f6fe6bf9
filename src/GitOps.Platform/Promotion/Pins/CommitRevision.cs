using System.Text.RegularExpressions;

namespace GitOps.Platform.Promotion.Pins;

/// <summary>A pin is a full commit SHA: a tag or a branch can be moved, an abbreviated SHA can become ambiguous.</summary>
public static partial class CommitRevision
{
    public static bool IsFull(string? revision) => revision is not null && FullSha().IsMatch(revision);

    /// <summary>The first 12 hex digits, for branch names, titles and messages.</summary>
    public static string Abbreviate(string revision) => IsFull(revision) ? revision[..12] : revision;

    [GeneratedRegex("^[0-9a-f]{40}$", RegexOptions.CultureInvariant)]
    private static partial Regex FullSha();
}
