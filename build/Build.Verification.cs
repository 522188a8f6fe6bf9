using GitOps.Targets;
using GitOps.Targets.Errors;
using GitOps.Targets.Tooling;

namespace GitOps.Build;

/// <summary>Offline checks: every environment renders and follows the rules; this repository's own tests pass.</summary>
internal sealed partial class Build
{
    private Target Verify => _ => _
        .Description("Verifies every environment offline: helm lint and template, Argo CD rules, no plaintext secrets.")
        .Executes(() => throw new TargetNotImplementedException("environment verification lands with issue 3"));

    private Target Render => _ => _
        .Description("Writes one environment's rendered manifests to .nuke/temp/rendered/<stage>-<cloud>/ for review.")
        .Requires(() => Stage)
        .Requires(() => Cloud)
        .Executes(() => throw new TargetNotImplementedException("rendering lands with issue 3"));

    private Target GenerateCI => _ => _
        .Description("Writes .gitlab-ci.yml from the target graph.")
        .Executes(() => throw new TargetNotImplementedException("CI generation lands with issue 7"));

    private Target Test => _ => _
        .Description("Runs this repository's own tests (dotnet test GitOps.sln).")
        .Executes(async cancellationToken => await Tools.RunAsync(
            new ToolInvocation("dotnet", ["test", Path.Combine(RootDirectory, "GitOps.sln"), "--nologo"]) { WorkingDirectory = RootDirectory },
            cancellationToken));
}
