using GitOps.Platform.Terraform;
using GitOps.Platform.Terraform.Internal;

namespace GitOps.Platform.Clouds.Google;

/// <summary>
/// The Workload Identity provider and deployer service account of a stage, as its foundation tfvars commit them:
/// <c>project_number</c> and <c>project_id</c>, with the names the foundation gives both (pool <c>gitlab-&lt;stage&gt;</c>,
/// provider <c>gitlab</c>, account <c>gitops-deployer-&lt;stage&gt;</c>; a test keeps them equal to the Terraform). They
/// name the credential source, and GitLab lets trigger and API variables override every CI/CD variable, so in a
/// pipeline they come from the repository and GCP_WORKLOAD_IDENTITY_PROVIDER / GCP_DEPLOYER_SERVICE_ACCOUNT may only
/// repeat them, like the state bucket and the GitLab project.
/// </summary>
public sealed record CommittedDeployer(string VarFile, string Stage, string? ProjectId, string? ProjectNumber)
{
    public const string ProjectNumberVariable = "project_number";

    public const string PoolPrefix = "gitlab-";

    public const string ProviderId = "gitlab";

    public const string AccountPrefix = "gitops-deployer-";

    /// <summary>Both values are committed (the file exists and sets project_id and project_number).</summary>
    public bool Complete => ProjectId is { Length: > 0 } && ProjectNumber is { Length: > 0 };

    /// <summary><c>projects/NUMBER/locations/global/workloadIdentityPools/gitlab-STAGE/providers/gitlab</c>.</summary>
    public string Provider => $"projects/{ProjectNumber}/locations/global/workloadIdentityPools/{PoolPrefix}{Stage}/providers/{ProviderId}";

    public string ServiceAccount => $"{AccountPrefix}{Stage}@{ProjectId}.iam.gserviceaccount.com";

    /// <summary>What the stage's foundation tfvars commit; a missing file or value leaves that member null.</summary>
    public static CommittedDeployer Load(string repositoryRoot, string stage)
    {
        ArgumentException.ThrowIfNullOrEmpty(stage);
        var relative = CommittedStateBucket.VarFile(stage);
        var file = Path.GetFullPath(Path.Combine(repositoryRoot, relative));
        if (!File.Exists(file))
        {
            return new CommittedDeployer(relative, stage, null, null);
        }

        return new CommittedDeployer(relative, stage, Value(file, "project_id"), Value(file, ProjectNumberVariable));
    }

    /// <summary>The one-line refusal when a pipeline needs these and the repository does not commit them.</summary>
    public string Missing() =>
        $"{VarFile} sets no {(ProjectId is { Length: > 0 } ? ProjectNumberVariable : "project_id")}: in a pipeline stage {Stage}'s Workload Identity provider and deployer come from the repository, "
        + $"not from {WorkloadIdentityCredentials.ProviderVariable} or {WorkloadIdentityCredentials.ServiceAccountVariable}; commit {ProjectNumberVariable} = \"<number>\" there "
        + $"(gcloud projects describe {ProjectId ?? "<project>"} --format='value(projectNumber)'). Nothing was requested.";

    private static string? Value(string file, string name) => TfvarsFile.StringValue(file, name)?.Trim() is { Length: > 0 } value ? value : null;
}
