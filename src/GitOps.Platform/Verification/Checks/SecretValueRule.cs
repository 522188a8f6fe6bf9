using System.Text.RegularExpressions;
using GitOps.Platform.Environments.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// A password, token or key written as a literal value is a secret in Git, wherever it sits: in a values file, in the
/// Argo CD values, or in a rendered manifest other than a Secret (those are GO014). Secrets come from Vault through an
/// argocd-vault-plugin placeholder, or from a Secret by reference (<c>valueFrom.secretKeyRef</c>, <c>existingSecret</c>).
/// The value itself is never shown.
/// </summary>
internal static partial class SecretValueRule
{
    public const string Advice = "secrets come from Vault: write an argocd-vault-plugin placeholder such as <path:eurodat/data/<stage>/<component>#<key>>, or reference a Secret";

    /// <summary>Each literal secret below <paramref name="document"/>: the scalar holding it and the key path that names it.</summary>
    public static IEnumerable<(YamlScalarNode Value, string Path)> Literals(YamlNode document)
    {
        if (document.Child("kind").Text() == "Secret")
        {
            yield break;
        }

        foreach (var found in Walk(document, string.Empty, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance)))
        {
            yield return found;
        }
    }

    internal static bool IsSecretKey(string key)
    {
        var normalized = key.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return !normalized.StartsWith("existing", StringComparison.Ordinal) && SecretKey().IsMatch(normalized);
    }

    internal static bool IsLiteral(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (value.Trim().Length == 0 || (scalar.Style == ScalarStyle.Plain && Unquoted().IsMatch(value)))
        {
            return false; // empty, or a boolean/null such as automountServiceAccountToken: false
        }

        return !Reference().IsMatch(value);
    }

    private static IEnumerable<(YamlScalarNode, string)> Walk(YamlNode node, string path, HashSet<YamlNode> seen)
    {
        if (!seen.Add(node))
        {
            yield break; // an alias: already checked where its anchor is
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                // An environment-variable entry: the secret's name is the value of "name", the literal is "value".
                if (mapping.Child("name").Text() is { } variable && IsSecretKey(variable) && mapping.Child("value") is YamlScalarNode envValue && IsLiteral(envValue))
                {
                    yield return (envValue, $"{path}{(path.Length == 0 ? string.Empty : ".")}{variable}");
                }

                foreach (var (key, value) in mapping.Children)
                {
                    var name = key.Text() ?? "?";
                    var inner = path.Length == 0 ? name : $"{path}.{name}";
                    if (value is YamlScalarNode scalar)
                    {
                        if (IsSecretKey(name) && IsLiteral(scalar))
                        {
                            yield return (scalar, inner);
                        }

                        continue;
                    }

                    foreach (var found in Walk(value, inner, seen))
                    {
                        yield return found;
                    }
                }

                break;
            case YamlSequenceNode sequence:
                for (var index = 0; index < sequence.Children.Count; index++)
                {
                    foreach (var found in Walk(sequence.Children[index], $"{path}[{index}]", seen))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    // Keys naming a secret itself, not a reference to one (secretName, tokenSecret, passwordSecretRef end otherwise).
    [GeneratedRegex("(password|passwd|passphrase|token|apikey|privatekey|secretkey|accesskey|clientsecret|sharedsecret|^secret)$")]
    private static partial Regex SecretKey();

    [GeneratedRegex("^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$")]
    private static partial Regex Unquoted();

    // A Vault AVP placeholder (<path:...#key>, or <key> with the path in an annotation), an environment or helm
    // reference, or a vals/helm-secrets reference: the value is looked up, not written here.
    [GeneratedRegex(@"<path:[^<>]+>|^\s*<[A-Za-z0-9_.\-]+>\s*$|\$\{[^}]+\}|\$\([^)]+\)|\{\{.*\}\}|^ref\+[a-z]+://")]
    private static partial Regex Reference();
}
