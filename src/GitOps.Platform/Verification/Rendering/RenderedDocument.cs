using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Rendering;

/// <summary>One manifest helm rendered, with the chart template it came from (helm's <c># Source:</c> comment).</summary>
/// <param name="Template">The template relative to the repository root, e.g. charts/app-of-apps/templates/x.yaml.</param>
/// <param name="Root">The manifest.</param>
internal sealed record RenderedDocument(string Template, YamlMappingNode Root)
{
    public string? Kind => Root.Child("kind").Text();

    public string? ApiVersion => Root.Child("apiVersion").Text();

    public string Name => Root.At("metadata", "name").Text() ?? "(unnamed)";

    public bool IsApplication =>
        Kind == "Application" && ApiVersion?.StartsWith("argoproj.io/", StringComparison.Ordinal) == true;
}
