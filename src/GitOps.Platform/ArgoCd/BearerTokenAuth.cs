using System.Text.Json.Nodes;

namespace GitOps.Platform.ArgoCd;

/// <summary>A service-account bearer token for the environment cluster.</summary>
public sealed class BearerTokenAuth : ClusterAuth
{
    private readonly string token;

    public BearerTokenAuth(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        this.token = token;
    }

    internal override IEnumerable<string> Secrets => [token];

    internal override void WriteTo(JsonObject config) => config["bearerToken"] = token;
}
