using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using GitOps.Platform.Verification.Rendering;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Only the argocd-vault-plugin-helm config management plugin (environments/argocd/argocd-values.yaml) replaces Vault
/// AVP placeholders. A placeholder anywhere else in what the app-of-apps renders (an Application using built-in
/// helm, or any other manifest, which the parent applies as is) would reach the cluster as literal text.
/// </summary>
internal sealed class VaultPluginRule(VerificationContext context, EnvironmentId environment)
{
    public const string PluginName = "argocd-vault-plugin-helm";

    private const string Opening = "<path:";

    public void Check(RenderedDocument document)
    {
        var placeholder = document.Root.AllNodes.OfType<YamlScalarNode>()
            .Select(scalar => scalar.Value ?? string.Empty)
            .FirstOrDefault(value => value.Contains(Opening, StringComparison.Ordinal));
        if (placeholder is null || (document.IsApplication && RenderedThroughPlugin(document.Root)))
        {
            return;
        }

        var start = placeholder.IndexOf(Opening, StringComparison.Ordinal);
        var end = placeholder.IndexOf('>', start);
        var shown = end < 0 ? placeholder[start..] : placeholder[start..(end + 1)];
        var what = document.IsApplication ? $"Application {document.Name} is not rendered through source.plugin '{PluginName}'" : $"{document.Kind} {document.Name} is applied as is by the parent";
        context.Sink.Add(environment, document.Template, context.Templates.LineOf(document.Template, "source:", "kind:"), RuleIds.PlaceholderOutsidePlugin,
            $"Vault placeholder {shown} would reach the cluster as literal text: {what}; only that plugin substitutes placeholders");
    }

    private static bool RenderedThroughPlugin(YamlMappingNode application)
    {
        var spec = application.Child("spec");
        IReadOnlyList<YamlNode> sources = spec?.Child("source") is { } single
            ? [single]
            : [.. (spec?.Child("sources")).Items().Where(source => source.Child("ref") is null)];
        return sources.Count > 0 && sources.All(source => source.At("plugin", "name").Text() == PluginName);
    }
}
