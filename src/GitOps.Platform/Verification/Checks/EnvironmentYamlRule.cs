using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;

namespace GitOps.Platform.Verification.Checks;

/// <summary>Every YAML file under environments/ parses, and none of its documents is a Secret with plaintext data.</summary>
internal static class EnvironmentYamlRule
{
    public static void Check(RepositoryFiles files, FindingSink sink)
    {
        foreach (var path in files.Under(EnvironmentLayout.EnvironmentsDirectory, ".yaml", ".yml"))
        {
            var file = YamlFile.Read(files, path, sink);
            foreach (var document in file?.Documents.Where(SecretRule.IsPlaintextSecret) ?? [])
            {
                var name = document.At("metadata", "name").Text() ?? "(unnamed)";
                sink.Add(path, (document.KeyNode("kind") ?? document).Line(), RuleIds.PlaintextSecret,
                    $"Secret {name} carries data in plain text; {SecretRule.Advice}");
            }
        }
    }
}
