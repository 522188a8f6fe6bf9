using System.Text.RegularExpressions;

namespace GitOps.Targets.GitLabCi.Generation.Internal;

/// <summary>Matches artifact paths against forbidden globs (<c>**</c> any depth, <c>*</c> within one folder).</summary>
internal static class ArtifactGlobs
{
    public static bool IsInside(string path, string glob)
    {
        var pattern = "^" + Regex.Escape(glob.TrimEnd('/'))
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "(/.*)?$";
        return Regex.IsMatch(path.TrimEnd('/'), pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
