using System.Text.RegularExpressions;

namespace GitOps.Platform.Git;

/// <summary>Credentials inside remote URLs (<c>https://user:token@host/...</c>): found to be masked, stripped for display.</summary>
public static partial class RemoteUrl
{
    /// <summary>The URL without its user-info part, safe to print or to build web links from.</summary>
    public static string WithoutCredentials(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Credentials().Replace(url, "$1");
    }

    /// <summary>The secret parts (password or token, or a lone user name used as a token) of every URL in the text.</summary>
    public static IEnumerable<string> SecretsIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match match in Credentials().Matches(text))
        {
            var userInfo = Uri.UnescapeDataString(match.Groups[2].Value);
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var secret = colon >= 0 ? userInfo[(colon + 1)..] : userInfo;
            if (secret.Length > 0)
            {
                yield return secret;
                yield return match.Groups[2].Value;
            }
        }
    }

    [GeneratedRegex(@"([a-zA-Z][a-zA-Z0-9+.-]*://)([^/@\s]+)@")]
    private static partial Regex Credentials();
}
