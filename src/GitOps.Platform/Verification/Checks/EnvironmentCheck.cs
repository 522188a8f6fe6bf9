using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using GitOps.Platform.Helm;
using GitOps.Platform.Verification.Rendering;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Everything Verify checks for one environment: its values, and what helm template renders with the chart its stage
/// runs (a promoted stage's pinned commit, see <see cref="PinRule"/>). helm lint runs once per chart, not per
/// environment (<see cref="ChartLint"/>).
/// </summary>
internal sealed class EnvironmentCheck(VerificationContext context, HelmCli helm, IReadOnlyDictionary<Stage, StageChart> charts)
{
    /// <summary>
    /// Checks the values file's own rules and the stage's release, and returns what helm is to be given; null when helm
    /// cannot be run for it (the findings say why).
    /// </summary>
    /// <param name="environment">The environment the values describe.</param>
    /// <param name="valuesPath">Its values file, relative to the repository root (or absolute).</param>
    public EnvironmentHelmInputs? Prepare(EnvironmentId environment, string valuesPath)
    {
        if (!context.Files.Exists(valuesPath) || YamlFile.Read(context.Files, valuesPath, context.Sink) is not { } values)
        {
            return null; // a missing file is reported by EnvironmentFilesRule, an unreadable one by YamlFile
        }

        new ValuesRules(context, environment, values).Check();
        var pinned = context.Catalog.IsPinned(environment.Stage);
        var release = pinned ? PromotedReleaseRule.Check(context, environment, values) : values.Root.Child(ParentReleases.Parameter).Text();
        if (!charts.TryGetValue(environment.Stage, out var chart) || (pinned && release is null))
        {
            return null; // the stage's pin or release cannot be run; PinRule or PromotedReleaseRule said why
        }

        // A promoted stage runs its values file at the pin, with the parent's release as --set-string (Argo CD's parameter).
        return new EnvironmentHelmInputs(
            environment,
            values,
            chart,
            pinned ? chart.ValuesFile(environment) : context.Files.FullPath(valuesPath),
            pinned ? new Dictionary<string, string> { [ParentReleases.Parameter] = release! } : null,
            release);
    }

    /// <summary>Renders the environment and checks what renders.</summary>
    /// <param name="inputs">From <see cref="Prepare"/>.</param>
    /// <param name="cancellationToken">Stops helm.</param>
    public async Task RunAsync(EnvironmentHelmInputs inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var (environment, values, chart) = (inputs.Environment, inputs.Values, inputs.Chart);
        var (rendered, failure) = await TemplateAsync(inputs, cancellationToken);
        if (failure is not null)
        {
            // The same schema validation helm lint runs: each violation at its key. Anything else (a template that does
            // not render, YAML that does not parse, values helm cannot read) is one finding where helm points.
            if (LintFindings.ReportSchemaErrors(context, environment, values, [failure.Details]) == 0)
            {
                var (file, line) = LintFindings.Locate(failure.Details + failure.Message, values.Path, chart.Label);
                context.Sink.Add(environment, file, line, RuleIds.ChartRender,
                    failure.Details.Length > 0 ? $"helm template: {HelmOutput.ErrorSummary(failure.Details)}" : failure.Message);
            }

            return;
        }

        CheckRendered(environment, values, rendered!, chart, inputs.Release);
    }

    private async Task<(string? Rendered, HelmException? Failure)> TemplateAsync(EnvironmentHelmInputs inputs, CancellationToken cancellationToken)
    {
        try
        {
            var rendered = await helm.TemplateAsync(
                inputs.Chart.Directory, EnvironmentLayout.ReleaseName(inputs.Environment), "argocd", [inputs.ValuesFile], cancellationToken, inputs.Parameters);
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
