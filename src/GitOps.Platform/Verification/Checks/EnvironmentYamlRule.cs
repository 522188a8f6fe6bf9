using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Every YAML file under environments/ parses as helm reads it; none of its documents is a Secret with plaintext
/// data, and no secret-looking key anywhere holds a literal value (the chart's own defaults included). Its Kubernetes
/// objects go to the schema check.
/// </summary>
internal static class EnvironmentYamlRule
{
    public static void Check(RepositoryFiles files, FindingSink sink, ManifestObjects manifests)
    {
        foreach (var path in files.Under(EnvironmentLayout.EnvironmentsDirectory, ".yaml", ".yml"))
        {
            var file = YamlFile.Read(files, path, sink);
            foreach (var document in file?.Documents ?? [])
            {
                manifests.AddCommitted(path, document);
                if (SecretRule.IsPlaintextSecret(document))
                {
                    var name = document.At("metadata", "name").Text() ?? "(unnamed)";
                    sink.Add(path, (document.KeyNode("kind") ?? document).Line(), RuleIds.PlaintextSecret,
                        $"Secret {name} carries data in plain text; {SecretRule.Advice}");
                }

                ReportLiterals(path, document, sink);
            }
        }

        foreach (var path in files.Under("charts", "values.yaml"))
        {
            foreach (var document in YamlFile.Read(files, path, sink)?.Documents ?? [])
            {
                ReportLiterals(path, document, sink);
            }
        }
    }

    private static void ReportLiterals(string path, YamlDotNet.RepresentationModel.YamlNode document, FindingSink sink)
    {
        foreach (var (value, key, what) in SecretValueRule.Literals(document))
        {
            sink.Add(path, value.Line(), RuleIds.SecretValueInPlaintext, $"{key} {what}; {SecretValueRule.Advice}");
        }
    }
}
