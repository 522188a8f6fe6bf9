using GitOps.Platform.Environments;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// A Kubernetes object Verify hands to the schema check: committed in <paramref name="File"/>, or rendered from the
/// chart template <paramref name="File"/> for <paramref name="Environment"/>.
/// </summary>
internal sealed record ManifestObject(string File, YamlMappingNode Root, EnvironmentId? Environment);
