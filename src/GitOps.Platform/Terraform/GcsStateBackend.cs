using GitOps.Platform.Clouds;

namespace GitOps.Platform.Terraform;

/// <summary>One GCS bucket for all clusters, a prefix per stage and environment (or the stage's management cluster).</summary>
internal sealed class GcsStateBackend : TerraformStateBackend
{
    private const string StatePrefixRoot = "gitops";

    private readonly string bucket;

    public GcsStateBackend(string bucket)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        this.bucket = bucket;
    }

    public override IReadOnlyDictionary<string, string> ConfigFor(ClusterKey cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["bucket"] = bucket,
            ["prefix"] = $"{StatePrefixRoot}/{cluster.Stage}/{cluster.Slot}",
        };
    }
}
