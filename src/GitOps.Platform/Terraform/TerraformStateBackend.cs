using GitOps.Platform.Clouds;

namespace GitOps.Platform.Terraform;

/// <summary>
/// Where each cluster's Terraform state lives: the <c>-backend-config</c> values for the root module's (partial)
/// backend block. Must match the backend type the module declares.
/// </summary>
public abstract class TerraformStateBackend
{
    public abstract IReadOnlyDictionary<string, string> ConfigFor(ClusterKey cluster);

    /// <summary>A GCS bucket, prefix <c>gitops/&lt;stage&gt;/&lt;cloud|mgmt&gt;</c>: the modules' <c>backend "gcs" {}</c>.</summary>
    public static TerraformStateBackend Gcs(string bucket) => new GcsStateBackend(bucket);

    /// <summary>State files <c>&lt;directory&gt;/&lt;stage&gt;-&lt;cloud|mgmt&gt;.tfstate</c>, for modules with <c>backend "local" {}</c>.</summary>
    public static TerraformStateBackend Local(string directory) => new LocalStateBackend(directory);
}
