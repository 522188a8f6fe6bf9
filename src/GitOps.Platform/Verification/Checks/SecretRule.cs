using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>A Secret carrying data in Git is a plaintext secret (base64 is an encoding, not encryption).</summary>
internal static class SecretRule
{
    public const string Advice = "use a SealedSecret or Vault AVP placeholders (<path:some/path#key>)";

    public static bool IsPlaintextSecret(YamlNode document) =>
        document.Child("kind").Text() == "Secret"
        && (HasEntries(document.Child("data")) || HasEntries(document.Child("stringData")));

    private static bool HasEntries(YamlNode? node) => node is YamlMappingNode { Children.Count: > 0 };
}
