using System.Text.RegularExpressions;
using GitOps.Platform.Environments;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// argocd-vault-plugin only replaces well-formed placeholders; a malformed one reaches the cluster as literal text.
/// Form: <c>&lt;path:some/path#key&gt;</c>, optionally <c>#version</c> and modifiers (<c>| jsonPath {.x}</c>).
/// </summary>
internal static partial class PlaceholderRule
{
    private const string Opening = "<path:";

    public static void Check(RepositoryFiles files, FindingSink sink)
    {
        var paths = files.Under(EnvironmentLayout.EnvironmentsDirectory, ".yaml", ".yml")
            .Concat(files.Under("charts", ".yaml", ".yml", ".tpl"));
        foreach (var path in paths)
        {
            var lines = File.ReadAllLines(files.FullPath(path));
            for (var index = 0; index < lines.Length; index++)
            {
                foreach (var problem in Problems(lines[index]))
                {
                    sink.Add(path, index + 1, RuleIds.PlaceholderMalformed, problem);
                }
            }
        }
    }

    internal static IEnumerable<string> Problems(string line)
    {
        if (line.TrimStart().StartsWith('#'))
        {
            yield break; // comments may show the syntax; only values reach the cluster
        }

        for (var start = line.IndexOf(Opening, StringComparison.Ordinal); start >= 0; start = line.IndexOf(Opening, start + 1, StringComparison.Ordinal))
        {
            var end = line.IndexOf('>', start);
            var candidate = end < 0 ? line[start..] : line[start..(end + 1)];
            if (end < 0)
            {
                yield return $"Vault placeholder '{candidate.TrimEnd()}' is not closed with '>'; expected <path:some/path#key>";
            }
            else if (!Placeholder().IsMatch(candidate))
            {
                yield return $"Vault placeholder '{candidate}' is malformed; expected <path:some/path#key> (optionally #version and | modifiers)";
            }
        }
    }

    [GeneratedRegex(@"^<path:[A-Za-z0-9_.\-/]+#[A-Za-z0-9_.\-]+(#[0-9]+)?(\s*\|\s*[^<>|]+)*>$")]
    private static partial Regex Placeholder();
}
