using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// GO045: a promoted stage's parent Application overrides nothing the pin fixes. The parent file lives on main under the
/// root Application, so whatever it sets reaches the stage on merge, without promotion and without e2e: an extra helm
/// parameter (infrastructure.cert-manager.version), a values or valuesObject block, another values file. Only the release
/// (deployedRelease, moved by the promotion MR) and the hook's e2eTrigger.revision are allowed, and only the stage's own
/// values file at the pin.
/// </summary>
internal static class ParentOverrideRule
{
    /// <summary>The e2e hook's revision parameter: Argo CD substitutes the revision it rendered (build environment).</summary>
    public const string RevisionParameter = "e2eTrigger.revision";

    private static readonly string[] AllowedHelmKeys = ["releaseName", "valueFiles", "parameters"];

    public static void Check(VerificationContext context, EnvironmentId environment, YamlStream stream, string file)
    {
        var name = ParentReleases.ApplicationName(environment);
        var application = stream.Documents.Select(document => document.RootNode)
            .FirstOrDefault(root => root.Child("kind").Text() == "Application" && root.At("metadata", "name").Text() == name);
        var spec = application.Child("spec");
        if (spec is null)
        {
            return; // GO013 and GO044 say so
        }

        var ownValues = $"$values/{EnvironmentLayout.ValuesFile(environment)}";
        IEnumerable<YamlNode> sources = spec.Child("source") is { } single ? [single, .. spec.Child("sources").Items()] : spec.Child("sources").Items();
        foreach (var helm in sources.Select(source => source.Child("helm")).OfType<YamlMappingNode>())
        {
            foreach (var (key, value) in helm.Children)
            {
                var keyName = key.Text() ?? string.Empty;
                if (!AllowedHelmKeys.Contains(keyName, StringComparer.Ordinal))
                {
                    Refuse(context, file, key.Line(), $"Application {name} sets helm.{keyName}, which would reach stage {environment.Stage.ToName()} on merge without promotion; "
                        + $"a promoted parent sets only the parameters {ParentReleases.Parameter} and {RevisionParameter} and the values file {ownValues}: change the chart or values at the pin and promote it");
                }
            }

            foreach (var entry in helm.Child("valueFiles").Items().Where(entry => entry.Text()?.Trim() != ownValues))
            {
                Refuse(context, file, entry.Line(), $"Application {name} reads values file '{entry.Text() ?? "(not a string)"}', which would reach stage {environment.Stage.ToName()} on merge without promotion; "
                    + $"the only values file allowed is {ownValues}");
            }

            foreach (var parameter in helm.Child("parameters").Items())
            {
                var parameterName = parameter.Child("name").Text();
                if (parameterName != ParentReleases.Parameter && parameterName != RevisionParameter)
                {
                    Refuse(context, file, parameter.Line(), $"Application {name} sets helm parameter '{parameterName}', which would reach stage {environment.Stage.ToName()} on merge without promotion; "
                        + $"a promoted parent sets only {ParentReleases.Parameter} and {RevisionParameter}: change the chart or values at the pin and promote it");
                }
            }
        }
    }

    private static void Refuse(VerificationContext context, string file, int line, string message) =>
        context.Sink.Add(file, Math.Max(1, line), RuleIds.PromotedOverride, message);
}
