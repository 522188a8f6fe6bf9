using GitOps.Platform.Environments;

namespace GitOps.Platform.Verification;

/// <summary>Where <see cref="Renderer"/> wrote an environment's manifests: one file per rendered resource.</summary>
public sealed record RenderedEnvironment(EnvironmentId Environment, string Directory, IReadOnlyList<string> Files)
{
    /// <summary>The pin whose chart was rendered; null when the stage follows a branch and the working tree was rendered.</summary>
    public ConfigurationPin? Pin { get; init; }

    /// <summary>Why the pin was checked against an older main than origin's (offline, no origin); null when it was not.</summary>
    public string? MainNote { get; init; }
}
