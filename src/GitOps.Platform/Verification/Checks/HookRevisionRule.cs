using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Pins;
using GitOps.Platform.Environments.Yaml;
using GitOps.Platform.Pipelines;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// GO020 for a promoted environment whose sync starts the e2e pipeline: its parent Application passes the helm
/// parameter <c>e2eTrigger.revision=$ARGOCD_APP_REVISION</c> (forceString) on the chart source, so the PostSync hook
/// posts REVISION and RunE2E refuses a checkout that pins another commit than the one Argo CD synced. Argo CD substitutes
/// its build environment in helm parameter values, per source: for the chart source ARGOCD_APP_REVISION is that
/// source's resolved commit, the pin (docs/user-guide/helm.md "Build Environment"; reposerver/repository/repository.go
/// helmTemplate, newEnv). The short forms (ARGOCD_APP_REVISION_SHORT, _SHORT_8) or a literal would never match a pin.
/// </summary>
internal static class HookRevisionRule
{
    public const string Value = "$ARGOCD_APP_REVISION";

    private const string Expected = $"{{name: {ParentOverrideRule.RevisionParameter}, value: {Value}, forceString: true}}";

    public static void Check(VerificationContext context, EnvironmentId environment, YamlStream stream, string file)
    {
        if (!GitOpsPipelines.PostSyncEnvironments(context.Catalog).Contains(environment))
        {
            return; // no hook posts anything (nightly); GO020 says so if one renders anyway
        }

        var name = ParentReleases.ApplicationName(environment);
        if (ChartSources.In(stream).FirstOrDefault(source => source.ApplicationName == name) is not { } chart)
        {
            return; // GO044 names the missing Application
        }

        var parameters = chart.Source.At("helm", "parameters").Items().Where(parameter => parameter.Child("name").Text() == ParentOverrideRule.RevisionParameter).ToList();
        void Report(YamlNode node, string what) => context.Sink.Add(file, Math.Max(1, node.Line()), RuleIds.E2eTriggerInvalid,
            $"Application {name} {what}, so the PostSync hook cannot report the commit Argo CD synced (REVISION) and RunE2E cannot refuse a checkout that pins another; "
            + $"its chart source sets {Expected} (Argo CD substitutes the chart source's resolved commit)");
        if (parameters.Count == 0)
        {
            Report((YamlNode?)chart.Source.Child("helm").KeyNode("parameters") ?? chart.Source.KeyNode("helm") ?? chart.Source, $"passes no helm parameter {ParentOverrideRule.RevisionParameter}");
            return;
        }

        if (parameters.Count > 1)
        {
            Report(parameters[1], $"passes helm parameter {ParentOverrideRule.RevisionParameter} {parameters.Count} times");
            return;
        }

        var value = parameters[0].Child("value");
        if (value.Text()?.Trim() is not (Value or "${ARGOCD_APP_REVISION}"))
        {
            Report(value ?? parameters[0], $"sets {ParentOverrideRule.RevisionParameter} to '{value.Text() ?? "(nothing)"}', not {Value}");
        }
        else if (parameters[0].Child("forceString").Text() != "true")
        {
            Report(parameters[0], $"passes {ParentOverrideRule.RevisionParameter} without forceString: true (helm would read a commit of digits as a number)");
        }
    }
}
