using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using GitOps.Platform.Helm;
using GitOps.Platform.Verification.Rendering;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Everything Verify checks for one environment: its values, helm lint, and what helm template renders, with the chart
/// its stage runs (a promoted stage's pinned commit, see <see cref="PinRule"/>).
/// </summary>
internal sealed class EnvironmentCheck(VerificationContext context, HelmCli helm, IReadOnlyDictionary<Stage, StageChart> charts)
{
    /// <param name="environment">The environment the values describe.</param>
    /// <param name="valuesPath">Its values file, relative to the repository root (or absolute).</param>
    /// <param name="cancellationToken">Stops helm.</param>
    public async Task RunAsync(EnvironmentId environment, string valuesPath, CancellationToken cancellationToken)
    {
        if (!context.Files.Exists(valuesPath) || YamlFile.Read(context.Files, valuesPath, context.Sink) is not { } values)
        {
            return; // a missing file is reported by EnvironmentFilesRule, an unreadable one by YamlFile
        }

        new ValuesRules(context, environment, values).Check();
        var pinned = context.Catalog.IsPinned(environment.Stage);
        var release = pinned ? PromotedReleaseRule.Check(context, environment, values) : values.Root.Child(ParentReleases.Parameter).Text();
        if (!charts.TryGetValue(environment.Stage, out var chart) || (pinned && release is null))
        {
            return; // the stage's pin or release cannot be run; PinRule or PromotedReleaseRule said why
        }

        // A promoted stage runs its values file at the pin, with the parent's release as --set-string (Argo CD's parameter).
        string[] valuesFiles = [pinned ? chart.ValuesFile(environment) : context.Files.FullPath(valuesPath)];
        var parameters = pinned ? new Dictionary<string, string> { [ParentReleases.Parameter] = release! } : null;
        var lint = helm.LintAsync(chart.Directory, valuesFiles, cancellationToken, parameters);
        var template = TemplateAsync(environment, chart.Directory, valuesFiles, parameters, cancellationToken);
        var (lintResult, (rendered, failure)) = (await lint, await template);
        LintFindings.Report(context, environment, values, lintResult, chart.Label);
        if (failure is not null)
        {
            // helm lint already reported why when it named [ERROR]s (schema errors above); a second finding would say
            // the same thing. A failure before linting (helm could not even read the values) has no [ERROR] line.
            if (lintResult.Passed || lintResult.Errors.Count == 0)
            {
                var (file, line) = LintFindings.Locate(failure.Details + failure.Message, valuesPath, chart.Label);
                context.Sink.Add(environment, file, line, RuleIds.ChartRender, failure.Message);
            }

            return;
        }

        CheckRendered(environment, values, rendered!, chart, release);
    }

    private async Task<(string? Rendered, HelmException? Failure)> TemplateAsync(
        EnvironmentId environment, string chart, string[] valuesFiles, Dictionary<string, string>? parameters, CancellationToken cancellationToken)
    {
        try
        {
            var rendered = await helm.TemplateAsync(
                chart, EnvironmentLayout.ReleaseName(environment), "argocd", valuesFiles, cancellationToken, parameters);
            return (rendered, null);
        }
        catch (HelmException exception)
        {
            return (null, exception);
        }
    }

    private void CheckRendered(EnvironmentId environment, YamlFile values, string rendered, StageChart chart, string? release)
    {
        List<RenderedDocument> documents;
        try
        {
            documents = RenderedManifests.Parse(rendered, chart.Label);
        }
        catch (FormatException exception)
        {
            context.Sink.Add(environment, values.Path, 1, RuleIds.ChartRender, exception.Message);
            return;
        }

        var applications = new ApplicationRules(context, environment, values, release);
        var vaultPlugin = new VaultPluginRule(context, environment);
        var floating = new FloatingReferenceRule(context, environment, values, chart);
        foreach (var document in documents)
        {
            context.Manifests.AddRendered(environment, document);
            vaultPlugin.Check(document);
            if (!document.IsApplication)
            {
                // An Application's values come from the values files, where GO023 already looks.
                foreach (var (value, key, what) in SecretValueRule.Literals(document.Root))
                {
                    var field = key[(key.LastIndexOf('.') + 1)..];
                    context.Sink.Add(environment, document.Template, context.Templates.LineOf(document.Template, $"{field}:", field, $"kind: {document.Kind}"),
                        RuleIds.SecretValueInPlaintext, $"{document.Kind} {document.Name.Replace($"-{environment}", string.Empty, StringComparison.Ordinal)}: {key} {what}; {SecretValueRule.Advice}");
                }
            }

            floating.Check(document);
            if (document.IsApplication)
            {
                applications.Check(document);
            }

            if (SecretRule.IsPlaintextSecret(document.Root))
            {
                context.Sink.Add(environment, document.Template, context.Templates.LineOf(document.Template, "kind: Secret"),
                    RuleIds.PlaintextSecret, $"renders Secret {document.Name} with data in plain text; {SecretRule.Advice}");
            }
        }

        new E2eTriggerRule(context, environment, values, release).Check(documents);
    }
}
