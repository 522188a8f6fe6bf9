namespace GitOps.Platform.ArgoCd;

/// <summary>An allowed destination: a cluster by server URL or by (glob) name, and a namespace glob.</summary>
public sealed record ArgoProjectDestination(string? Server, string? Name, string Namespace);
