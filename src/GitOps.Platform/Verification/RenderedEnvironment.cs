using GitOps.Platform.Environments;

namespace GitOps.Platform.Verification;

/// <summary>Where <see cref="Renderer"/> wrote an environment's manifests: one file per rendered resource.</summary>
public sealed record RenderedEnvironment(EnvironmentId Environment, string Directory, IReadOnlyList<string> Files);
