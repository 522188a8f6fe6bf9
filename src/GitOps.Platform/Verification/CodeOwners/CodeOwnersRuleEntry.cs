using System.Text.RegularExpressions;

namespace GitOps.Platform.Verification.CodeOwners;

/// <summary>One pattern line of a CODEOWNERS file, with the owners it names (or its section's default owners).</summary>
internal sealed record CodeOwnersRuleEntry(string Section, Regex Pattern, IReadOnlyList<string> Owners, bool IsExclusion, int Line)
{
    public bool Matches(string path) => Pattern.IsMatch(path);
}
