using GitOps.Platform.Environments;
using GitOps.Platform.Helm;
using GitOps.Platform.Verification;
using GitOps.Platform.Verification.Schemas;
using GitOps.Targets.Testing;

namespace GitOps.Build;

/// <summary>Offline checks: every environment renders and follows the rules; this repository's own tests pass.</summary>
internal sealed partial class Build
{
    private HelmCli HelmCli => new(Tools, new ToolLocator(ToolsDirectory).Find("helm") ?? "helm");

    /// <summary>Verify's schema check (Argo CD v3 and Kubernetes schemas, run by node), installed into .nuke/tools from npm once.</summary>
    private ToolRequirement ManifestSchemas => new(ManifestSchemaInstaller.ToolName, "Verify's schema check needs Node.js 20+ on PATH and, once, npm reaching its registry; afterwards it runs offline from .nuke/tools.")
    {
        Install = async (toolsDirectory, cancellationToken) => await ManifestSchemaInstaller.EnsureAsync(toolsDirectory, Tools, Log, cancellationToken),
        Check = (_, _) => Task.FromResult(ManifestSchemaInstaller.Problem(ToolsDirectory)),
    };

    private Target Verify => _ => _
        .Description("Verifies every environment offline (helm lint and template, Argo CD rules, no plaintext secrets) and that .gitlab-ci.yml is current.")
        .Requires(Helm)
        .Requires(ManifestSchemas)
        .Executes(async cancellationToken =>
        {
            var schemas = new ManifestSchemaValidator(Tools, new ToolLocator(ToolsDirectory).Find(ManifestSchemaInstaller.ToolName) ?? ManifestSchemaInstaller.ToolName);
            IReadOnlyList<Finding> findings;
            try
            {
                findings = await new EnvironmentVerifier(HelmCli, schemas, Tools, Log).VerifyAsync(RootDirectory, cancellationToken);
            }
            catch (ManifestSchemaException exception)
            {
                throw new BuildFailedException(exception.Message, exception);
            }

            foreach (var finding in findings)
            {
                Log.Error(finding.ToString());
            }

            if (findings.Count == 0)
            {
                var environments = Catalog.Environments;
                Log.Success($"Verified {environments.Count} environments with no findings: {string.Join(", ", environments)}");
            }

            // Checked even when environments have findings, so one run reports everything that is wrong.
            await VerifyGeneratedCiAsync(cancellationToken);
            if (findings.Count > 0)
            {
                throw new BuildFailedException($"{findings.Count} finding(s); each names its file:line and rule");
            }
        });

    private Target Render => _ => _
        .Description("Writes one environment's rendered manifests to .nuke/temp/rendered/<stage>-<cloud>/ for review.")
        .Requires(() => Stage)
        .Requires(() => Cloud)
        .Requires(() => ValuesFilesAreUsable)
        .Requires(Helm)
        .Executes(async cancellationToken =>
        {
            var rendered = await RenderOrRefuseAsync(new EnvironmentId(Stage!.Value, Cloud!.Value), cancellationToken);
            if (rendered.MainNote is { } note)
            {
                Log.Warning(note);
            }

            var at = rendered.Pin is { } pin ? $" at its pin {pin.ShortSha} ({pin.File}:{pin.Line})" : " from the working tree";
            Log.Success($"Rendered {rendered.Files.Count} manifests{at} to {Path.GetRelativePath(RootDirectory, rendered.Directory)}");
        });

    /// <summary>A pin written wrongly (a short SHA, a side branch's commit) is a mistake in an input file: exit 2, naming its file:line.</summary>
    private async Task<RenderedEnvironment> RenderOrRefuseAsync(EnvironmentId environment, CancellationToken cancellationToken)
    {
        try
        {
            return await new Renderer(HelmCli, Tools).RenderAsync(RootDirectory, environment, cancellationToken);
        }
        catch (ConfigurationPinException exception)
        {
            throw new UsageException(exception.Message, exception);
        }
    }

    private static readonly string[] TestToolInstallers = ["install-gitlab-ci-local.sh", "install-provider-schema.sh"];

    private Target Test => _ => _
        .Description("Runs this repository's own tests; fails when any test fails or is skipped.")
        .Requires(Helm)
        .Requires(Git)
        .Requires(Node)
        .Requires(Rsync)
        .Requires(Busybox)
        .Requires(Terraform)
        .Executes(async cancellationToken =>
        {
            // Installed once here, before the test projects run in parallel and would each try to install them
            // (gitlab-ci-local, and the google provider's schema for the Terraform schema test).
            foreach (var installer in TestToolInstallers)
            {
                await Tools.RunAsync(
                    new ToolInvocation("bash", [Path.Combine(RootDirectory, "tests", "tools", installer), ToolsDirectory]) { WorkingDirectory = RootDirectory },
                    cancellationToken);
            }

            var results = Path.Combine(TemporaryDirectory, "test-results");
            if (Directory.Exists(results))
            {
                Directory.Delete(results, recursive: true);
            }

            var run = await Tools.RunAsync(
                new ToolInvocation("dotnet", ["test", Path.Combine(RootDirectory, "GitOps.sln"), "--nologo", "--logger", "trx", "--results-directory", results])
                {
                    WorkingDirectory = RootDirectory,
                    ThrowOnFailure = false,
                },
                cancellationToken);
            var summary = TestRunSummary.FromDirectory(results);
            Log.Info(summary.ClosingLine);
            summary.FailedTests.ToList().ForEach(test => Log.Error($"failed: {test}"));
            if (!summary.IsGreen || !run.Succeeded)
            {
                throw new BuildFailedException(summary.Total == 0
                    ? $"no test ran (dotnet test exited {run.ExitCode})"
                    : $"{summary.ClosingLine} (dotnet test exited {run.ExitCode}); skipped tests count as failures");
            }
        });
}
