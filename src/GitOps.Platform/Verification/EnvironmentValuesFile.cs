using GitOps.Platform.Environments;

namespace GitOps.Platform.Verification;

/// <summary>A values file and the environment it describes; the path is relative to the repository root or absolute.</summary>
public sealed record EnvironmentValuesFile(EnvironmentId Environment, string Path);
