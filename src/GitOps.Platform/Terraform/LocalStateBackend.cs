using GitOps.Platform.Clouds;

namespace GitOps.Platform.Terraform;

/// <summary>State files on this machine, one per cluster: for test modules and throw-away experiments.</summary>
internal sealed class LocalStateBackend : TerraformStateBackend
{
    private readonly string directory;

    public LocalStateBackend(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        this.directory = Path.GetFullPath(directory);
    }

    public override IReadOnlyDictionary<string, string> ConfigFor(ClusterKey cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new Dictionary<string, string>(StringComparer.Ordinal) { ["path"] = Path.Combine(directory, $"{cluster}.tfstate") };
    }
}
