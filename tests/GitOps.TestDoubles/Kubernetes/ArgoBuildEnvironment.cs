using System.Text;
using System.Text.Json.Nodes;

namespace GitOps.TestDoubles.Kubernetes;

/// <summary>
/// Argo CD's build environment as its repo-server substitutes it into helm parameter values (and value-file paths)
/// before running helm template: reposerver/repository/repository.go, newEnv and helmTemplate (Set and SetString go
/// through Env.Envsubst, which is Go's os.Expand: <c>$NAME</c> and <c>${NAME}</c>, an unknown name becomes empty,
/// <c>$$</c> is a literal <c>$</c>). The variables describe the one source being rendered: in a multi-source
/// Application the controller asks the repo-server once per source (controller/state.go, GetRepoObjs), so
/// ARGOCD_APP_REVISION is that source's resolved commit.
/// </summary>
public static class ArgoBuildEnvironment
{
    /// <summary>The variables for rendering <paramref name="source"/> of <paramref name="application"/> at the resolved <paramref name="commit"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(JsonObject application, JsonObject source, string commit)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(commit);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ARGOCD_APP_NAME"] = application["metadata"]?["name"]?.ToString() ?? string.Empty,
            ["ARGOCD_APP_NAMESPACE"] = application["spec"]?["destination"]?["namespace"]?.ToString() ?? string.Empty,
            ["ARGOCD_APP_PROJECT_NAME"] = application["spec"]?["project"]?.ToString() ?? string.Empty,
            ["ARGOCD_APP_REVISION"] = commit,
            ["ARGOCD_APP_REVISION_SHORT"] = commit.Length > 7 ? commit[..7] : commit,
            ["ARGOCD_APP_REVISION_SHORT_8"] = commit.Length > 8 ? commit[..8] : commit,
            ["ARGOCD_APP_SOURCE_REPO_URL"] = source["repoURL"]?.ToString() ?? string.Empty,
            ["ARGOCD_APP_SOURCE_PATH"] = source["path"]?.ToString() ?? string.Empty,
            ["ARGOCD_APP_SOURCE_TARGET_REVISION"] = source["targetRevision"]?.ToString() ?? string.Empty,
        };
    }

    /// <summary>What os.Expand makes of <paramref name="value"/> with <paramref name="variables"/> (Go's getShellName, case for case).</summary>
    public static string Substitute(string value, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(variables);
        string Lookup(string name) => name == "$" ? "$" : variables.GetValueOrDefault(name, string.Empty); // Envsubst: "$$" is "$"
        var result = new StringBuilder();
        for (var index = 0; index < value.Length; index++)
        {
            if (value[index] != '$' || index + 1 >= value.Length)
            {
                result.Append(value[index]);
                continue;
            }

            var rest = value[(index + 1)..];
            if (rest[0] == '{')
            {
                var close = rest.IndexOf('}', StringComparison.Ordinal);
                if (close > 1)
                {
                    result.Append(Lookup(rest[1..close]));
                }

                // "${}" is eaten, an unclosed "${" too (only those two characters): bad syntax.
                index += close > 0 ? close + 1 : 1;
            }
            else if (IsSpecial(rest[0]))
            {
                result.Append(Lookup(rest[..1]));
                index++;
            }
            else
            {
                var length = 0;
                while (length < rest.Length && (char.IsAsciiLetterOrDigit(rest[length]) || rest[length] == '_'))
                {
                    length++;
                }

                // A "$" that starts no name stays.
                result.Append(length == 0 ? "$" : Lookup(rest[..length]));
                index += length;
            }
        }

        return result.ToString();
    }

    private static bool IsSpecial(char character) => character is '*' or '#' or '$' or '@' or '!' or '?' or '-' || char.IsAsciiDigit(character);
}
