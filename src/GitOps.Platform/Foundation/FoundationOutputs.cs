using GitOps.Platform.Terraform;

namespace GitOps.Platform.Foundation;

/// <summary>
/// What the foundation hands to everything after it: the state bucket, and the two values GitLab CI needs to act as
/// the deployer through Workload Identity Federation (CI/CD variables GCP_WORKLOAD_IDENTITY_PROVIDER and GCP_DEPLOYER_SERVICE_ACCOUNT).
/// </summary>
public sealed record FoundationOutputs(string StateBucket, string DeployerServiceAccount, string WorkloadIdentityProvider, string WorkloadIdentityAudience)
{
    // Outputs of environments/terraform/gcp/foundation/outputs.tf.
    public const string StateBucketOutput = "state_bucket";
    public const string DeployerOutput = "deployer_service_account";
    public const string ProviderOutput = "workload_identity_provider";
    public const string AudienceOutput = "workload_identity_audience";

    public static FoundationOutputs From(TerraformOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return new(outputs.GetString(StateBucketOutput), outputs.GetString(DeployerOutput), outputs.GetString(ProviderOutput), outputs.GetString(AudienceOutput));
    }
}
