using System.Text.Json.Nodes;
using GitOps.Platform.ArgoCd.Internal;

namespace GitOps.Platform.ArgoCd;

/// <summary>The parent Application of a stage, read from <c>app-of-apps-&lt;stage&gt;.yaml</c>: exactly one Argo CD Application.</summary>
public sealed record AppOfAppsManifest(string File, string Name, string Namespace, JsonObject Resource)
{
    public static AppOfAppsManifest Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!System.IO.File.Exists(path))
        {
            throw new ManifestException($"{path}: file not found; expected the stage's parent Application (app-of-apps-<stage>.yaml)");
        }

        var documents = YamlDocuments.Read(System.IO.File.ReadAllText(path), path);
        if (documents.Count != 1)
        {
            var line = documents.Count == 0 ? 1 : documents[1].Line;
            throw new ManifestException($"{path}:{line}: found {documents.Count} documents; an app-of-apps manifest holds exactly one Argo CD Application");
        }

        var (resource, start) = documents[0];
        if (resource["apiVersion"]?.ToString() != ArgoCdNames.ApiVersion || resource["kind"]?.ToString() != "Application")
        {
            throw new ManifestException($"{path}:{start}: apiVersion '{resource["apiVersion"]}' kind '{resource["kind"]}' is not allowed; "
                + $"expected apiVersion {ArgoCdNames.ApiVersion}, kind Application");
        }

        if (resource["metadata"]?["name"]?.ToString() is not { Length: > 0 } name)
        {
            throw new ManifestException($"{path}:{start}: metadata.name is missing; the parent Application needs a name");
        }

        var ns = resource["metadata"]?["namespace"]?.ToString() is { Length: > 0 } given ? given : ArgoCdNames.DefaultNamespace;
        resource["metadata"]!["namespace"] = ns;
        return new AppOfAppsManifest(path, name, ns, resource);
    }

    /// <summary>The sync operation Argo CD runs when <c>.operation</c> is set, at the revision(s) the manifest asks for.</summary>
    public JsonObject SyncOperation(string initiatedBy)
    {
        var sync = new JsonObject { ["syncStrategy"] = new JsonObject { ["hook"] = new JsonObject() } };
        var spec = Resource["spec"];
        if (spec?["sources"] is JsonArray sources)
        {
            sync["revisions"] = new JsonArray([.. sources.Select(source => (JsonNode?)(source?["targetRevision"]?.ToString() ?? "HEAD"))]);
        }
        else
        {
            sync["revision"] = spec?["source"]?["targetRevision"]?.ToString() ?? "HEAD";
        }

        return new JsonObject
        {
            ["initiatedBy"] = new JsonObject { ["username"] = initiatedBy },
            ["sync"] = sync,
        };
    }
}
