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
        .Requires(() => FoundationCredentials.Require(IsPipeline, FoundationVariable))
        .Executes(async cancellationToken =>
        {
            var workspace = new FoundationLayout(RootDirectory, TfStateBucket, FoundationVariable).For(Stage!.Value.ToName());
            var outputs = await FoundationCredentials.WithAsync(
                RootDirectory, TemporaryDirectory, Stage!.Value.ToName(), FoundationVariable, Secrets, IsPipeline, new TerraformSettings { RequireLockFile = IsPipeline, RequestTimeout = Timeout },
                settings => new FoundationProvisioner(Tools, Secrets, Log, settings).ProvisionAsync(workspace, cancellationToken), cancellationToken);
            Log.Info(outputs.NextStep(CommittedDeployer.Load(RootDirectory, Stage!.Value.ToName())));
        });

    private string? FoundationVariable(string name) => Host.Variable(name) ?? Environment.GetEnvironmentVariable(name);

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
