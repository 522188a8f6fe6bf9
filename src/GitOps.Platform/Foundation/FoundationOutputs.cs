using GitOps.Platform.Clouds;
using GitOps.Platform.Clouds.Google;
using GitOps.Platform.Terraform;

namespace GitOps.Platform.Foundation;

/// <summary>
/// What the foundation hands to everything after it: the state bucket, and the two values GitLab CI needs to act as
/// the deployer through Workload Identity Federation. A pipeline takes both from the stage's committed foundation tfvars
/// (<see cref="CommittedDeployer"/>); the CI/CD variable GCP_WORKLOAD_IDENTITY_PROVIDER repeats the provider for the jobs'
/// id_tokens aud.
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

    /// <summary>
    /// What to tell the person who ran the foundation: the variable the jobs' aud is built from, once the repository
    /// commits the same provider and deployer as Terraform created.
    /// </summary>
    /// <exception cref="CloudConfigurationException">The repository commits no or other values; pipelines would be refused.</exception>
    public string NextStep(CommittedDeployer committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        if (!committed.Complete)
        {
            throw new CloudConfigurationException(committed.Missing());
        }

        if (committed.Provider != WorkloadIdentityProvider || committed.ServiceAccount != DeployerServiceAccount)
        {
            throw new CloudConfigurationException(
                $"{committed.VarFile} makes stage {committed.Stage}'s provider '{committed.Provider}' and deployer '{committed.ServiceAccount}', but the foundation created "
                + $"'{WorkloadIdentityProvider}' and '{DeployerServiceAccount}'; fix project_id / project_number there, or pipelines will be refused");
        }

        return $"stage {committed.Stage}: pipelines take the provider and deployer from {committed.VarFile}; set the protected CI/CD variable "
            + $"{WorkloadIdentityCredentials.ProviderVariable}={WorkloadIdentityProvider} (the jobs' id_tokens aud is built from it; "
            + $"{WorkloadIdentityCredentials.ServiceAccountVariable} and TF_STATE_BUCKET are not needed, {StateBucket} is committed)";
    }
}
