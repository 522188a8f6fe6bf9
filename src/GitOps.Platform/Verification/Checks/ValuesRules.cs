using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using Semver;

namespace GitOps.Platform.Verification.Checks;

/// <summary>Checks a values file describes its own environment: stage, cloud, cluster and a fitting deployedRelease.</summary>
internal sealed class ValuesRules(VerificationContext context, EnvironmentId environment, YamlFile values)
{
    public void Check()
    {
        CheckIdentity("stage", environment.Stage.ToName());
        CheckIdentity("cloud", environment.Cloud.ToName());
        CheckClusterName();
        CheckRelease();
    }

    private void CheckIdentity(string key, string expected)
    {
        if (values.Root.Child(key).Text() is { } actual && actual != expected)
        {
            Report(values.LineOf(key), RuleIds.ValuesIdentity, $"{key} is '{actual}' but this is the values file of {environment}; set {key}: {expected}");
        }
    }

    private void CheckClusterName()
    {
        var expected = context.Catalog.ClusterName(environment);
        if (values.Root.At("destination", "clusterName").Text() is { } actual && actual != expected)
        {
            Report(values.LineOf("destination", "clusterName"), RuleIds.DestinationMismatch,
                $"destination.clusterName is '{actual}' but {environment}'s cluster is registered as '{expected}'");
        }
    }

    private void CheckRelease()
    {
        if (context.Catalog.IsPinned(environment.Stage))
        {
            return; // the release is in the parent file (PromotedReleaseRule)
        }

        var requiresSemVer = context.Catalog.RequiresSemVer(environment.Stage);
        var release = values.Root.Child("deployedRelease").Text();
        if (string.IsNullOrWhiteSpace(release))
        {
            Report(values.LineOf("deployedRelease"), RuleIds.ReleaseNotSemVer, requiresSemVer
                ? $"deployedRelease is missing; stage {environment.Stage.ToName()} deploys a released SemVer such as 1.4.2"
                : $"deployedRelease is missing; stage {environment.Stage.ToName()} deploys a release or a branch such as main");
        }
        else if (requiresSemVer && !SemVersion.TryParse(release, SemVersionStyles.Strict, out _))
        {
            Report(values.LineOf("deployedRelease"), RuleIds.ReleaseNotSemVer,
                $"deployedRelease '{release}' is not a SemVer (MAJOR.MINOR.PATCH, e.g. 1.4.2); stage {environment.Stage.ToName()} deploys released versions only");
        }
    }

    private void Report(int line, string ruleId, string message) => context.Sink.Add(environment, values.Path, line, ruleId, message);
}
