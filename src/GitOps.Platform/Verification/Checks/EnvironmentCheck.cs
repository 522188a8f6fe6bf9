using GitOps.Platform.Environments;
using GitOps.Platform.Helm;
using GitOps.Platform.Verification.Rendering;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Everything Verify checks for one environment: its values, and what helm template renders (helm lint runs once per
/// Verify run, see <see cref="ChartLint"/>).
/// </summary>
internal sealed class EnvironmentCheck(VerificationContext context, HelmCli helm)
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
        var chart = context.Files.FullPath(EnvironmentLayout.ChartDirectory);
        var (rendered, failure) = await TemplateAsync(environment, chart, [context.Files.FullPath(valuesPath)], cancellationToken);
        if (failure is not null)
        {
            // The same schema validation helm lint runs: each violation at its key. Anything else (a template that does
            // not render, YAML that does not parse, values helm cannot read) is one finding where helm points.
            if (LintFindings.ReportSchemaErrors(context, environment, values, [failure.Details]) == 0)
            {
                var (file, line) = LintFindings.Locate(failure.Details + failure.Message, valuesPath);
                context.Sink.Add(environment, file, line, RuleIds.ChartRender, failure.Details.Length > 0 ? $"helm template: {HelmOutput.ErrorSummary(failure.Details)}" : failure.Message);
            }

            return;
        }

        CheckRendered(environment, values, rendered!);
    }

    private async Task<(string? Rendered, HelmException? Failure)> TemplateAsync(
        EnvironmentId environment, string chart, string[] valuesFiles, CancellationToken cancellationToken)
    {
        try
        {
            var rendered = await helm.TemplateAsync(
                chart, EnvironmentLayout.ReleaseName(environment), "argocd", valuesFiles, cancellationToken);
            return (rendered, null);
        }
        catch (HelmException exception)
        {
            return (null, exception);
        }
    }

    private void CheckRendered(EnvironmentId environment, YamlFile values, string rendered)
    {
        List<RenderedDocument> documents;
        try
        {
            documents = RenderedManifests.Parse(rendered, EnvironmentLayout.ChartDirectory);
        }
        catch (FormatException exception)
        {
            context.Sink.Add(environment, values.Path, 1, RuleIds.ChartRender, exception.Message);
            return;
        }

        var applications = new ApplicationRules(context, environment, values);
        var vaultPlugin = new VaultPluginRule(context, environment);
        var floating = new FloatingReferenceRule(context, environment, values);
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

        new E2eTriggerRule(context, environment, values).Check(documents);
    }
}
