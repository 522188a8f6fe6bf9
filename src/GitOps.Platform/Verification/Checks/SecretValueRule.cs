using System.Text.RegularExpressions;
using GitOps.Platform.Environments.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// A password, token or key written as a literal value is a secret in Git, wherever it sits: in a values file, in the
/// Argo CD values, or in a rendered manifest other than a Secret (those are GO014). Secrets come from Vault through an
/// argocd-vault-plugin placeholder, or from a Secret by reference (<c>valueFrom.secretKeyRef</c>, <c>existingSecret</c>).
/// Found under a secret-looking key (a list of them included), as <c>KEY=value</c> or <c>--key=value</c> in a list such
/// as args, inside any URL as <c>user:password@host</c>, and as literal text around a placeholder. The value itself is
/// never shown.
/// </summary>
internal static partial class SecretValueRule
{
    public const string Advice = "secrets come from Vault: write an argocd-vault-plugin placeholder such as <path:eurodat/data/<stage>/<component>#<key>>, or reference a Secret";

    private const string LiteralValue = "holds a literal value";
    private const string AroundPlaceholder = "holds literal text around its Vault placeholder";
    private const string PrivateKeyContent = "holds a literal private key (a PEM block)";
    private const string UrlPassword = "holds a URL with a literal password (user:password@host)";

    /// <summary>Each literal secret below <paramref name="document"/>: the scalar, the key path naming it and what is wrong ("holds a literal value").</summary>
    public static IEnumerable<(YamlScalarNode Value, string Path, string What)> Literals(YamlNode document)
    {
        if (document.Child("kind").Text() == "Secret")
        {
            yield break;
        }

        foreach (var found in Walk(document, string.Empty, underSecretKey: false, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance)))
        {
            yield return found;
        }
    }

    internal static bool IsSecretKey(string key)
    {
        var normalized = key.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return !normalized.StartsWith("existing", StringComparison.Ordinal) && !NamesKeyInSecret(normalized)
            && (SecretKey().IsMatch(normalized) || ShortPass().IsMatch(key));
    }

    /// <summary>
    /// passwordSecretKey, tokenSecretKey: the name of a key inside a Secret (a reference), not a secret key itself;
    /// secretKey or awsSecretKey stay secrets.
    /// </summary>
    private static bool NamesKeyInSecret(string normalized) =>
        normalized.EndsWith("secretkey", StringComparison.Ordinal) && normalized.Length > "secretkey".Length
        && SecretKey().IsMatch(normalized[..^"secretkey".Length]);

    /// <summary>A private key recognised by its content (a PEM block, alone or inside JSON), whatever the key is called.</summary>
    private static string? PrivateKey(YamlScalarNode scalar) =>
        PemPrivateKey().IsMatch(scalar.Value ?? string.Empty) ? PrivateKeyContent : null;

    /// <summary>What is wrong with a scalar under a secret key, or null when it is empty, a boolean or a reference.</summary>
    private static string? Problem(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (value.Trim().Length == 0 || (scalar.Style == ScalarStyle.Plain && Unquoted().IsMatch(value)))
        {
            return null; // empty, or a boolean/null such as automountServiceAccountToken: false
        }

        return Literal(value);
    }

    private static string? Literal(string value)
    {
        if (!Reference().IsMatch(value))
        {
            return LiteralValue;
        }

        // "abc<path:kv/x#y>" would send Vault's secret with a literal part that is itself in Git.
        return Reference().Replace(value, string.Empty).Trim().Length > 0 ? AroundPlaceholder : null;
    }

    private static IEnumerable<(YamlScalarNode, string, string)> Walk(YamlNode node, string path, bool underSecretKey, HashSet<YamlNode> seen)
    {
        if (!seen.Add(node))
        {
            yield break; // an alias: already checked where its anchor is
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                // An environment-variable entry: the secret's name is the value of "name", the literal is "value".
                if (mapping.Child("name").Text() is { } variable && IsSecretKey(variable) && mapping.Child("value") is YamlScalarNode envValue && Problem(envValue) is { } envProblem)
                {
                    yield return (envValue, $"{path}{(path.Length == 0 ? string.Empty : ".")}{variable}", envProblem);
                }

                foreach (var (key, value) in mapping.Children)
                {
                    var name = key.Text() ?? "?";
                    var inner = path.Length == 0 ? name : $"{path}.{name}";
                    if (value is YamlScalarNode scalar)
                    {
                        if ((IsSecretKey(name) ? Problem(scalar) : InUrl(scalar) ?? PrivateKey(scalar)) is { } problem)
                        {
                            yield return (scalar, inner, problem);
                        }

                        continue;
                    }

                    foreach (var found in Walk(value, inner, IsSecretKey(name), seen))
                    {
                        yield return found;
                    }
                }

                break;
            case YamlSequenceNode sequence:
                for (var index = 0; index < sequence.Children.Count; index++)
                {
                    var item = sequence.Children[index];
                    var inner = $"{path}[{index}]";
                    if (item is YamlScalarNode scalar)
                    {
                        // A list under a secret key holds secrets; any other list may hold KEY=value words (args, command).
                        if ((underSecretKey ? Problem(scalar) : InUrl(scalar) ?? Assignment(scalar) ?? PrivateKey(scalar)) is { } problem)
                        {
                            yield return (scalar, inner, problem);
                        }

                        continue;
                    }

                    foreach (var found in Walk(item, inner, underSecretKey: false, seen))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    /// <summary>A URL anywhere with a literal password in its user information.</summary>
    private static string? InUrl(YamlScalarNode scalar) =>
        UrlCredentials().Matches(scalar.Value ?? string.Empty).Any(match => Literal(match.Groups["password"].Value) is not null) ? UrlPassword : null;

    /// <summary><c>--admin-password=x</c> or <c>API_TOKEN=x</c> as one word of a list.</summary>
    private static string? Assignment(YamlScalarNode scalar) =>
        AssignmentWord().Match(scalar.Value ?? string.Empty) is { Success: true } match && IsSecretKey(match.Groups["key"].Value)
            && Literal(match.Groups["value"].Value) is not null
            ? $"holds a literal {match.Groups["key"].Value} value"
            : null;

    // Keys naming a secret itself, not a reference to one (secretName, tokenSecret, passwordSecretRef end otherwise);
    // a trailing s for lists of them (passwords, tokens).
    [GeneratedRegex("(password|passwd|passphrase|pwd|token|apikey|privatekey|secretkey|accesskey|clientsecret|sharedsecret|^secret)s?$")]
    private static partial Regex SecretKey();

    // "pass" as a word of its own (pass, db_pass, DB-PASS, adminPass), not as the end of bypass or compass.
    [GeneratedRegex("^(?:.*[_.\\-])?(?i:pass)$|[a-z0-9]Pass$")]
    private static partial Regex ShortPass();

    [GeneratedRegex("^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$")]
    private static partial Regex Unquoted();

    // A Vault AVP placeholder (<path:...#key>, or <key> with the path in an annotation), an environment or helm
    // reference, or a vals/helm-secrets reference: the value is looked up, not written here.
    [GeneratedRegex(@"<path:[^<>]+>|^\s*<[A-Za-z0-9_.\-]+>\s*$|\$\{[^}]+\}|\$\([^)]+\)|\{\{.*?\}\}|^ref\+[a-z]+://\S+$")]
    private static partial Regex Reference();

    // scheme://user:password@ ; the password stops at '@', '/' or a space, so a placeholder holding '/' is not one.
    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.\-]*://[^/\s:@\[\]]+:(?<password>[^@/\s]+)@")]
    private static partial Regex UrlCredentials();

    [GeneratedRegex("-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----")]
    private static partial Regex PemPrivateKey();

    [GeneratedRegex(@"^-{0,2}(?<key>[A-Za-z_][A-Za-z0-9_.\-]*)=(?<value>.+)$")]
    private static partial Regex AssignmentWord();
}
