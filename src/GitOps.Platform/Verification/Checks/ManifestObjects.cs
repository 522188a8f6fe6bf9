using System.Collections.Concurrent;
using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using GitOps.Platform.Verification.Rendering;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Every object the schema check validates, collected by checks running in parallel and handed over in batches while
/// Verify still runs (after the committed files are read, after each environment is rendered and checked).
/// </summary>
/// <param name="handOver">Receives each batch, e.g. <see cref="SchemaRule.Submit"/>.</param>
internal sealed class ManifestObjects(Action<IReadOnlyList<ManifestObject>> handOver)
{
    private readonly ConcurrentQueue<ManifestObject> objects = [];

    /// <summary>Hands over every object added since the last call (each exactly once, whichever check added it).</summary>
    public void HandOver()
    {
        var batch = new List<ManifestObject>();
        while (objects.TryDequeue(out var item))
        {
            batch.Add(item);
        }

        if (batch.Count > 0)
        {
            handOver(batch);
        }
    }

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
