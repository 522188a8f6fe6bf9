using GitOps.Platform.Terraform;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Foundation;

/// <summary>
/// Takes a stage's GCP project from nothing to what ProvisionManagementCluster needs (see
/// environments/terraform/gcp/foundation). The foundation creates the bucket its own state belongs in, so its first
/// run cannot start there: when the backend reports the bucket missing, it applies with local state in
/// <see cref="FoundationWorkspace.BootstrapDirectory"/>, then pushes that state into the new bucket and deletes the
/// local copy. Every later run, and a rerun after an interruption at any point, uses the bucket. Rerunning changes nothing.
/// </summary>
public sealed class FoundationProvisioner(IToolRunner runner, ISecretRegistry secrets, ILog log, TerraformSettings settings)
{
    /// <summary>What Terraform's gcs backend reports when the bucket does not exist (Go's storage.ErrBucketNotExist).</summary>
    public const string MissingBucketMessage = "bucket doesn't exist";

    private const string BootstrapOverrideFile = "zz_bootstrap_backend_override.tf";

    public async Task<FoundationOutputs> ProvisionAsync(FoundationWorkspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var terraform = new TerraformDriver(runner, secrets, log, workspace.ModuleDirectory, workspace.DataDirectory, settings);
        log.Info($"foundation of {workspace.Stage}: terraform init (state {workspace.StateLocation})");
        if (!await TryInitRemoteAsync(terraform, workspace, cancellationToken))
        {
            log.Info($"foundation of {workspace.Stage}: the state bucket does not exist yet; first run with local state in {workspace.BootstrapDirectory}");
            var bootstrap = BootstrapDriver(workspace);
            await bootstrap.InitAsync(new Dictionary<string, string>(), reconfigure: true, cancellationToken);
            await ApplyAsync(bootstrap, workspace, cancellationToken);
            await terraform.InitAsync(workspace.BackendConfig, reconfigure: true, cancellationToken);
        }

        if (File.Exists(workspace.BootstrapStateFile))
        {
            // Also after an interrupted first run: the resources exist, their state is only here.
            log.Info($"foundation of {workspace.Stage}: moving the first run's state into {workspace.StateLocation}");
            await terraform.StatePushAsync(workspace.BootstrapStateFile, cancellationToken);
            Directory.Delete(workspace.BootstrapDirectory, recursive: true);
        }

        await ApplyAsync(terraform, workspace, cancellationToken);
        var outputs = FoundationOutputs.From(await terraform.OutputsAsync(cancellationToken));
        log.Success($"foundation of {workspace.Stage}: state bucket {outputs.StateBucket}, deployer {outputs.DeployerServiceAccount}");
        return outputs;
    }

    private static async Task<bool> TryInitRemoteAsync(TerraformDriver terraform, FoundationWorkspace workspace, CancellationToken cancellationToken)
    {
        try
        {
            await terraform.InitAsync(workspace.BackendConfig, reconfigure: true, cancellationToken);
            return true;
        }
        catch (ToolFailedException failure) when (failure.Message.Contains(MissingBucketMessage, StringComparison.Ordinal))
        {
            return false;
        }
    }

    private async Task ApplyAsync(TerraformDriver terraform, FoundationWorkspace workspace, CancellationToken cancellationToken)
    {
        if (await terraform.PlanAsync(workspace.VarFiles, workspace.Variables, workspace.PlanFile, destroy: false, cancellationToken))
        {
            log.Info($"foundation of {workspace.Stage}: applying the plan");
            await terraform.ApplyAsync(workspace.PlanFile, cancellationToken);
        }
        else
        {
            log.Info($"foundation of {workspace.Stage}: the project matches the configuration; nothing to apply");
            File.Delete(workspace.PlanFile);
        }
    }

    /// <summary>
    /// A copy of the root module whose backend is overridden to a local state file (an override file, so the module
    /// itself stays as committed), initialised in a data directory of its own.
    /// </summary>
    private TerraformDriver BootstrapDriver(FoundationWorkspace workspace)
    {
        var module = Path.Combine(workspace.BootstrapDirectory, "module");
        Directory.CreateDirectory(module);
        foreach (var file in Directory.GetFiles(workspace.ModuleDirectory, "*.tf"))
        {
            File.Copy(file, Path.Combine(module, Path.GetFileName(file)), overwrite: true);
        }

        var statePath = workspace.BootstrapStateFile.Replace("\\", "/", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(module, BootstrapOverrideFile), $$"""
            # Written by the build for the foundation's first run only: the state bucket does not exist yet.
            terraform {
              backend "local" {
                path = "{{statePath}}"
              }
            }

            """);
        return new TerraformDriver(runner, secrets, log, module, Path.Combine(workspace.BootstrapDirectory, "data"), settings);
    }
}
