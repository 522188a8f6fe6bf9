using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// app-of-apps-&lt;stage&gt;.yaml, the Application the management Argo CD runs: one per cloud of the stage, reading the
/// chart and its environment's values from this repository (spec.sources with ref: values), automated, finalized,
/// in a non-default project.
/// </summary>
internal static class AppOfAppsRule
{
    public static void Check(VerificationContext context, StageDefinition stage)
    {
        var path = EnvironmentLayout.AppOfAppsFile(stage.Stage);
        if (!context.Files.Exists(path) || YamlFile.Read(context.Files, path, context.Sink) is not { } file)
        {
            return;
        }

        var applications = file.Documents.Where(document => document.Child("kind").Text() == "Application").ToList();
        foreach (var application in applications)
        {
            CheckApplication(context, path, application);
        }

        foreach (var environment in stage.Environments)
        {
            var valuesReference = $"$values/{EnvironmentLayout.ValuesFile(environment)}";
            if (!applications.Any(application => ValueFiles(application).Any(valueFile => valueFile.Text() == valuesReference)))
            {
                context.Sink.Add(path, 1, RuleIds.AppOfAppsInvalid, $"has no Application for {environment} reading {valuesReference}");
            }
        }
    }

    private static void CheckApplication(VerificationContext context, string path, YamlNode application)
    {
        var name = application.At("metadata", "name").Text() ?? "(unnamed)";
        void Report(YamlNode? node, string ruleId, string message) =>
            context.Sink.Add(path, (node ?? application).Line(), ruleId, $"Application {name}: {message}");

        if (!application.At("metadata", "finalizers").Items().Any(item => item.Text()?.StartsWith(ApplicationRules.Finalizer, StringComparison.Ordinal) == true))
        {
            Report(application.KeyNode("metadata"), RuleIds.FinalizerMissing, $"has no {ApplicationRules.Finalizer} finalizer");
        }

        var project = application.At("spec", "project");
        if (string.IsNullOrEmpty(project.Text()) || project.Text() == "default")
        {
            Report(project ?? application.KeyNode("spec"), RuleIds.DefaultProject, "uses the default AppProject; use the stage's project");
        }

        var sources = application.At("spec", "sources").Items().ToList();
        if (!sources.Any(source => source.Child("ref").Text() == "values"))
        {
            Report(application.At("spec").KeyNode("sources") ?? application.KeyNode("spec"), RuleIds.AppOfAppsInvalid,
                "spec.sources has no source with 'ref: values', so the chart cannot read $values/environments/... files");
        }

        if (!sources.Any(source => source.Child("path").Text() == EnvironmentLayout.ChartDirectory))
        {
            Report(application.At("spec").KeyNode("sources") ?? application.KeyNode("spec"), RuleIds.AppOfAppsInvalid,
                $"no source renders the chart {EnvironmentLayout.ChartDirectory}");
        }

        if (application.At("spec", "syncPolicy", "automated") is null)
        {
            Report(application.At("spec").KeyNode("syncPolicy") ?? application.KeyNode("spec"), RuleIds.AppOfAppsInvalid,
                "syncPolicy.automated is not set; Argo CD would not deploy merged changes by itself");
        }

        if (RetryGap(application.At("spec", "syncPolicy")) is { } gap)
        {
            Report(application.At("spec").KeyNode("syncPolicy") ?? application.KeyNode("spec"), RuleIds.AppOfAppsInvalid,
                $"{gap}; Argo CD retries a failed automated sync of the same commit only as syncPolicy.retry says, so a parent whose sync timed out would stay failed until the next commit");
        }

        foreach (var valueFile in ValueFiles(application))
        {
            if (valueFile.Text() is { } reference && reference.StartsWith("$values/", StringComparison.Ordinal)
                && !context.Files.Exists(reference["$values/".Length..]))
            {
                Report(valueFile, RuleIds.AppOfAppsInvalid, $"values file {reference} does not exist");
            }
        }
    }

    private static IEnumerable<YamlNode> ValueFiles(YamlNode application) =>
        application.At("spec", "sources").Items().SelectMany(source => source.At("helm", "valueFiles").Items());
    /// <summary>What is wrong with syncPolicy.retry, or null when it retries a bounded number of times with a backoff.</summary>
    private static string? RetryGap(YamlNode? syncPolicy)
    {
        if (syncPolicy.Child("retry") is not { } retry)
        {
            return "syncPolicy.retry is not set";
        }

        // Argo CD reads a negative limit as "retry forever" and 0 as "never".
        if (!int.TryParse(retry.Child("limit").Text(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit)
            || limit is < 1 or > 10)
        {
            return "syncPolicy.retry.limit must be a whole number from 1 to 10";
        }

        var backoff = retry.Child("backoff");
        return string.IsNullOrEmpty(backoff.Child("duration").Text()) || string.IsNullOrEmpty(backoff.Child("factor").Text())
            || string.IsNullOrEmpty(backoff.Child("maxDuration").Text())
            ? "syncPolicy.retry.backoff needs duration, factor and maxDuration"
            : null;
    }
}
