namespace GitOps.Platform.ArgoCd;

/// <summary>An environment cluster as Argo CD knows it: its name, stage, API endpoint, CA and how to authenticate.</summary>
public sealed class EnvironmentCluster
{
    /// <summary>The Argo CD cluster name, e.g. <c>dev-gcp</c>; Applications target it with <c>destination.name</c>.</summary>
    public required string Name { get; init; }

    public required string Stage { get; init; }

    /// <summary>The API server URL, e.g. <c>https://34.1.2.3</c>.</summary>
    public required string Server { get; init; }

    /// <summary>The cluster CA certificate, base64-encoded PEM (as terraform outputs it).</summary>
    public required string CaData { get; init; }

    public required ClusterAuth Auth { get; init; }

    public string SecretName => ClusterRegistration.SecretNameFor(Name);

    public override string ToString() => $"{Name} ({Server})";
}
