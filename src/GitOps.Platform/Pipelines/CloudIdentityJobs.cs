using GitOps.Platform.Clouds.Google;
using GitOps.Targets.GitLabCi;
using GitOps.Targets.GitLabCi.Generation;

namespace GitOps.Platform.Pipelines;

/// <summary>
/// What a job that reaches Google Cloud declares: GitLab's OIDC ID token, with the Workload Identity provider's
/// audience, and where the build writes the external_account credentials it makes from that token at job start. The
/// provider and the deployer service account are the CI/CD variables GCP_WORKLOAD_IDENTITY_PROVIDER and
/// GCP_DEPLOYER_SERVICE_ACCOUNT (the foundation's outputs; scope them per environment when stages use different projects).
/// </summary>
internal static class CloudIdentityJobs
{
    /// <summary>Inside .nuke/temp, which artifacts never include.</summary>
    public const string CredentialsFile = "$CI_PROJECT_DIR/.nuke/temp/google/" + WorkloadIdentityCredentials.CredentialsFileName;

    public static TargetJobSettings ReachingGoogleCloud(TargetJobSettings job) => job with
    {
        IdTokens = new Dictionary<string, GitLabIdToken>(StringComparer.Ordinal)
        {
            [WorkloadIdentityCredentials.IdTokenVariable] = new(WorkloadIdentityCredentials.Audience($"${WorkloadIdentityCredentials.ProviderVariable}")),
        },
        Variables = new Dictionary<string, string>(job.Variables, StringComparer.Ordinal)
        {
            [GoogleCredentialFile.Variable] = CredentialsFile,
        },
    };
}
