using System.Text;
using System.Text.RegularExpressions;

namespace GitOps.Platform.Verification.CodeOwners;

/// <summary>
/// GitLab's CODEOWNERS: gitignore-like patterns, optional <c>[Section]</c> headers with default owners, the last
/// matching pattern of a section wins, <c>!pattern</c> excludes. A path is owned when any section gives it owners.
/// </summary>
internal sealed partial class CodeOwnersFile
{
    /// <summary>Where GitLab looks, in order; it uses the first file it finds.</summary>
    public static readonly string[] Locations = ["CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"];

    private readonly List<CodeOwnersRuleEntry> entries;

    private CodeOwnersFile(List<CodeOwnersRuleEntry> entries) => this.entries = entries;

    public static CodeOwnersFile Parse(string text)
    {
        var entries = new List<CodeOwnersRuleEntry>();
        var section = string.Empty;
        var optional = false;
        IReadOnlyList<string> sectionOwners = [];
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (SectionHeader().Match(line) is { Success: true } header)
            {
                section = header.Groups["name"].Value;
                optional = line.StartsWith('^');
                sectionOwners = Owners(header.Groups["owners"].Value);
                continue;
            }

            var parts = line.Split((char[])[' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
            var exclusion = parts[0].StartsWith('!');
            var owners = parts.Length > 1 ? Owners(parts[1]) : sectionOwners;
            entries.Add(new CodeOwnersRuleEntry(section, ToRegex(parts[0].TrimStart('!')), owners, exclusion, index + 1) { IsOptional = optional, Text = line });
        }

        return new CodeOwnersFile(entries);
    }

    /// <summary>The owners of a path (relative, '/' separators), from every section that covers it.</summary>
    public IReadOnlyList<string> OwnersOf(string path) =>
    [
        .. Deciding(path)
            .Where(entry => !entry.IsExclusion)
            .SelectMany(entry => entry.Owners)
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>Whose approval a change to the path requires: the owners of the deciding entries of required sections.</summary>
    public IReadOnlyList<string> ApproversOf(string path) =>
    [
        .. Deciding(path)
            .Where(entry => !entry.IsExclusion && !entry.IsOptional)
            .SelectMany(entry => entry.Owners)
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>The entry that decides a path in each section: GitLab takes the last matching one.</summary>
    public IReadOnlyList<CodeOwnersRuleEntry> Deciding(string path) =>
    [
        .. entries.GroupBy(entry => entry.Section, StringComparer.OrdinalIgnoreCase)
            .Select(section => section.LastOrDefault(entry => entry.Matches(path)))
            .OfType<CodeOwnersRuleEntry>(),
    ];

    private static List<string> Owners(string text) =>
        [.. text.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(owner => owner.Contains('@', StringComparison.Ordinal))];

    // "/x" is anchored at the root, "x" matches at any depth; "x/" and any plain path also cover what is below it.
    private static Regex ToRegex(string pattern)
    {
        var anchored = pattern.StartsWith('/');
        var body = pattern.Trim('/');
        var regex = new StringBuilder(anchored || body.Contains('/', StringComparison.Ordinal) ? "^" : "^(?:.*/)?");
        for (var index = 0; index < body.Length; index++)
        {
            if (body[index] == '*' && index + 1 < body.Length && body[index + 1] == '*')
            {
                regex.Append(".*");
                index++;
            }
            else
            {
                regex.Append(body[index] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    var other => Regex.Escape(other.ToString()),
                });
            }
        }

        return new Regex(regex.Append("(?:/.*)?$").ToString(), RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"^\^?\[(?<name>[^\]]+)\](\[\d+\])?\s*(?<owners>.*)$")]
    private static partial Regex SectionHeader();
}
