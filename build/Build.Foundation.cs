using GitOps.Platform.Clouds.Google;
using GitOps.Platform.Environments;
using GitOps.Platform.Foundation;
using GitOps.Platform.Terraform;

namespace GitOps.Build;

/// <summary>The step before everything else on a new GCP project (README: "First time on a new GCP project").</summary>
internal sealed partial class Build
{
    private Target ProvisionFoundation => _ => _
        .Description("Prepares the stage's GCP project: APIs, the Terraform state bucket, the deployer with Workload Identity Federation for GitLab CI, the DNS zone.")
        .Before(ProvisionManagementCluster)
        .Requires(() => Stage)
        .Requires(() => FoundationLockIsCommittedWhenRequired)
        .Executes(async cancellationToken =>
        {
            var workspace = new FoundationLayout(RootDirectory, TfStateBucket, name => Host.Variable(name) ?? Environment.GetEnvironmentVariable(name)).For(Stage!.Value.ToName());
            var outputs = await new FoundationProvisioner(Tools, Secrets, Log, new TerraformSettings { RequireLockFile = IsPipeline, RequestTimeout = Timeout }).ProvisionAsync(workspace, cancellationToken);
            Log.Info(outputs.NextStep(CommittedDeployer.Load(RootDirectory, Stage!.Value.ToName())));
        });

    /// <summary>A root without its lock is a repository mistake: one line, exit 2, before anything is printed or run.</summary>
    private bool FoundationLockIsCommittedWhenRequired
    {
        get
        {
            TerraformLockFile.RequireCommitted(Path.Combine(RootDirectory, FoundationLayout.ModuleDirectory), required: IsPipeline);
            return true;
        }
    }
}
