using System.Collections.Concurrent;
using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using GitOps.Platform.Verification.Rendering;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>Every object the schema check validates at the end of a Verify run, collected by checks running in parallel.</summary>
internal sealed class ManifestObjects
{
    private readonly ConcurrentQueue<ManifestObject> objects = [];

    public IReadOnlyList<ManifestObject> All => [.. objects];

    /// <summary>A committed document, when it is a Kubernetes object (it says its kind or apiVersion).</summary>
    public void AddCommitted(string file, YamlNode document)
    {
        if (document is YamlMappingNode root && (root.Child("kind") is not null || root.Child("apiVersion") is not null))
        {
            objects.Enqueue(new ManifestObject(file, root, null));
        }
    }

    public void AddRendered(EnvironmentId environment, RenderedDocument document) =>
        objects.Enqueue(new ManifestObject(document.Template, document.Root, environment));
}
