using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using Semver;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// GO044: a promoted stage's release is the <c>deployedRelease</c> helm parameter (forceString) of its parent
/// Application (<see cref="ParentReleases"/>), a SemVer (GO010). Its values file must not set deployedRelease: the
/// parameter wins over every values file in Argo CD, so the value there would be silently shadowed and mislead readers.
/// </summary>
internal static class PromotedReleaseRule
{
    /// <summary>
    /// Reports what is wrong (a parent-file finding names its Application, not the environment) and returns
    /// the release the environment runs, or null when it cannot be read.
    /// </summary>
    public static string? Check(VerificationContext context, EnvironmentId environment, YamlFile values)
    {
        var parentFile = EnvironmentLayout.AppOfAppsFile(environment.Stage);
        var application = ParentReleases.ApplicationName(environment);
        if (values.Root.Child(ParentReleases.Parameter) is not null)
        {
            context.Sink.Add(environment, values.Path, values.LineOf(ParentReleases.Parameter), RuleIds.PromotedReleaseMisplaced,
                $"deployedRelease is set here, but stage {environment.Stage.ToName()} is promoted: its release is the deployedRelease helm parameter of Application {application} in {parentFile}, "
                + "which Argo CD applies over every values file, so this one would be silently shadowed; remove it here");
        }

        if (!context.Files.Exists(parentFile))
        {
            return null; // GO002 says so
        }

        var parentText = File.ReadAllText(context.Files.FullPath(parentFile));
        if (YamlText.TryLoad(parentText, out var stream, out _, out _))
        {
            ParentOverrideRule.Check(context, environment, stream, parentFile);
            HookRevisionRule.Check(context, environment, stream, parentFile);
        }

        if (!ParentReleases.TryParse(parentText, parentFile, environment, out var release, out var error))
        {
            context.Sink.Add(error.File, Math.Max(1, error.Line), RuleIds.PromotedReleaseMisplaced, error.Message);
            return null;
        }

        if (!SemVersion.TryParse(release.Value, SemVersionStyles.Strict, out _))
        {
            context.Sink.Add(release.File, release.Line, RuleIds.ReleaseNotSemVer,
                $"Application {application}'s deployedRelease '{release.Value}' is not a SemVer (MAJOR.MINOR.PATCH, e.g. 1.4.2); stage {environment.Stage.ToName()} deploys released versions only");
            return null;
        }

        return release.Value;
    }
}
