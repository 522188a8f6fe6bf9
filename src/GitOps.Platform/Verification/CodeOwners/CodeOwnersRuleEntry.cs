using System.Text.RegularExpressions;

namespace GitOps.Platform.Verification.CodeOwners;

/// <summary>One pattern line of a CODEOWNERS file, with the owners it names (or its section's default owners).</summary>
/// <param name="Section">The section's name; empty before the first section header.</param>
/// <param name="Pattern">The path pattern as a regular expression.</param>
/// <param name="Owners">Its owners.</param>
/// <param name="IsExclusion">A <c>!pattern</c>: matching paths need no approval from this section.</param>
/// <param name="Line">Its line in the file.</param>
internal sealed record CodeOwnersRuleEntry(string Section, Regex Pattern, IReadOnlyList<string> Owners, bool IsExclusion, int Line)
{
    /// <summary>In an optional section (<c>^[Section]</c>): its owners are asked, but their approval is not required.</summary>
    public bool IsOptional { get; init; }

    /// <summary>The line as written.</summary>
    public string Text { get; init; } = string.Empty;

    public bool Matches(string path) => Pattern.IsMatch(path);
}
