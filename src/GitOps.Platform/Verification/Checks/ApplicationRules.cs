using System.Globalization;
using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using GitOps.Platform.Verification.Rendering;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>Checks every rendered Argo CD Application of one environment.</summary>
internal sealed class ApplicationRules(VerificationContext context, EnvironmentId environment, YamlFile values, string? release)
{
    public const string Finalizer = "resources-finalizer.argocd.argoproj.io";
    private const string SyncWave = "argocd.argoproj.io/sync-wave";
    private const string TierLabel = "gitops.eurodat.io/tier";

    public void Check(RenderedDocument application)
    {
        var name = ComponentName(application.Name);
        CheckSyncWave(application, name);
        CheckFinalizer(application, name);
        CheckProject(application, name);
        CheckDestination(application, name);
        CheckTargetRevision(application, name);
    }

    private void CheckSyncWave(RenderedDocument application, string name)
    {
        var wave = application.Root.At("metadata", "annotations", SyncWave).Text();
        if (wave is null)
        {
            Report(application, RuleIds.SyncWaveMissing, $"Application {name} has no {SyncWave} annotation", SyncWave);
        }
        else if (!int.TryParse(wave, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            Report(application, RuleIds.SyncWaveMissing, $"Application {name} has sync wave '{wave}', which is not an integer", SyncWave);
        }
    }

    private void CheckFinalizer(RenderedDocument application, string name)
    {
        // The /foreground and /background variants are finalizers of the same kind.
        if (!application.Root.At("metadata", "finalizers").Items()
            .Any(item => item.Text()?.StartsWith(Finalizer, StringComparison.Ordinal) == true))
        {
            Report(application, RuleIds.FinalizerMissing,
                $"Application {name} has no {Finalizer} finalizer; deleting it would leave its resources behind", Finalizer, "finalizers:");
        }
    }

    private void CheckProject(RenderedDocument application, string name)
    {
        var project = application.Root.At("spec", "project").Text();
        if (string.IsNullOrEmpty(project) || project == "default")
        {
            Report(application, RuleIds.DefaultProject,
                $"Application {name} uses the {(project is null ? "implicit " : string.Empty)}default AppProject; use the stage's project", "project:");
        }
    }

    private void CheckDestination(RenderedDocument application, string name)
    {
        var expected = context.Catalog.ClusterName(environment);
        var destination = application.Root.At("spec", "destination");
        var actual = destination.Child("name").Text();
        var server = destination.Child("server").Text();
        // A wrong clusterName in the values file is reported there, where it is fixed.
        if ((actual == expected && server is null) || (actual is not null && actual == values.Root.At("destination", "clusterName").Text()))
        {
            return;
        }

        var target = server is null ? $"cluster '{actual ?? "(none)"}'" : $"server '{server}'";
        Report(application, RuleIds.DestinationMismatch,
            $"Application {name} deploys to {target}; {environment}'s cluster is registered as '{expected}' (use destination.name)", "destination:");
    }

    private void CheckTargetRevision(RenderedDocument application, string name)
    {
        if (application.Root.At("metadata", "labels", TierLabel).Text() != "platform" || string.IsNullOrEmpty(release))
        {
            return;
        }

        var spec = application.Root.Child("spec");
        IEnumerable<YamlNode> sources = spec.Child("source") is { } single
            ? [single]
            : spec.Child("sources").Items().Where(source => source.Child("ref") is null);
        foreach (var revision in sources.Select(source => source.Child("targetRevision").Text()).Where(revision => revision != release))
        {
            Report(application, RuleIds.TargetRevisionMismatch,
                $"platform Application {name} deploys '{revision ?? "(no targetRevision)"}' but deployedRelease is '{release}'", "targetRevision:");
        }
    }

    private string ComponentName(string name)
    {
        var suffix = $"-{environment}";
        return name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length ? name[..^suffix.Length] : name;
    }

    private void Report(RenderedDocument application, string ruleId, string message, params string[] needles) =>
        context.Sink.Add(environment, application.Template,
            context.Templates.LineOf(application.Template, [.. needles, "kind: Application"]), ruleId, message);
}
