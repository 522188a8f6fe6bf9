namespace GitOps.Platform.ArgoCd;

/// <summary>A cluster Secret found on the management cluster (its credentials are never read out).</summary>
public sealed record RegisteredCluster(string SecretName, string Name, string Server);
