using GitOps.Platform.Clouds;
using GitOps.Platform.Terraform;
using GitOps.Platform.Tests.Terraform;

namespace GitOps.Platform.Tests.Lifecycle;

/// <summary>Environment clusters keep their state in the <see cref="HttpStateServer"/>; management clusters in local files.</summary>
internal sealed class HttpEnvironmentStateBackend(HttpStateServer server, string password, TerraformStateBackend management) : TerraformStateBackend
{
    public override IReadOnlyDictionary<string, string> ConfigFor(ClusterKey cluster) => cluster.IsManagement
        ? management.ConfigFor(cluster)
        : new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["address"] = server.AddressOf(cluster.ToString()).ToString(),
            ["username"] = HttpStateServer.User,
            ["password"] = password,
        };
}
