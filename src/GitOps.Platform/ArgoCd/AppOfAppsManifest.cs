using System.Text.Json.Nodes;
using GitOps.Platform.ArgoCd.Internal;

namespace GitOps.Platform.ArgoCd;

/// <summary>
/// An app-of-apps Application read from a stage's <c>app-of-apps-&lt;stage&gt;.yaml</c>, which holds the stage's
/// AppProjects (the parents' one and the workloads' one) and one Application per cloud; <see cref="Project"/> is the
/// AppProject the Application names, when the file declares it, and <see cref="Projects"/> every AppProject of the
/// file (Argo CD refuses an Application whose project does not exist, so they are applied first).
/// </summary>
public sealed record AppOfAppsManifest(string File, string Name, string Namespace, JsonObject Resource)
{
    public JsonObject? Project { get; init; }

    /// <summary>Every AppProject the file declares: the parent's and the one its children use.</summary>
    public IReadOnlyList<JsonObject> Projects { get; init; } = [];

    /// <param name="path">The manifest file.</param>
    /// <param name="application">The Application to deploy (e.g. <c>app-of-apps-dev-gcp</c>); null when the file holds exactly one.</param>
    public static AppOfAppsManifest Load(string path, string? application = null)
    {
        var documents = Read(path);
        var applications = documents.Where(document => Kind(document.Resource) == "Application").ToList();
        (JsonObject Resource, long Line) chosen;
        if (application is null)
        {
            if (applications.Count != 1)
            {
                var line = applications.Count == 0 ? 1 : applications[1].Line;
                throw new ManifestException($"{path}:{line}: found {applications.Count} Applications; name the one to deploy, or keep exactly one Argo CD Application in the file");
            }

            chosen = applications[0];
        }
        else
        {
            chosen = applications.FirstOrDefault(document => NameOf(document.Resource) == application);
            if (chosen.Resource is null)
            {
                var names = string.Join(", ", applications.Select(document => NameOf(document.Resource)));
                throw new ManifestException($"{path}:1: no Application '{application}'; Applications in this file: {(names.Length == 0 ? "none" : names)}");
            }
        }

        var (resource, _) = chosen;
        var name = NameOf(resource);
        var ns = resource["metadata"]?["namespace"]?.ToString() is { Length: > 0 } given ? given : ArgoCdNames.DefaultNamespace;
        resource["metadata"]!["namespace"] = ns;
        var projectName = resource["spec"]?["project"]?.ToString();
        var project = documents.Select(document => document.Resource)
            .FirstOrDefault(document => Kind(document) == "AppProject" && NameOf(document) == projectName);
        var projects = documents.Select(document => document.Resource).Where(document => Kind(document) == "AppProject").ToList();
        return new AppOfAppsManifest(path, name, ns, resource) { Project = project, Projects = projects };
    }

    /// <summary>The AppProjects the file declares (a stage's own project, for the management cluster's configuration).</summary>
    public static IReadOnlyList<JsonObject> LoadProjects(string path) =>
        [.. Read(path).Select(document => document.Resource).Where(document => Kind(document) == "AppProject")];

    /// <summary>The sync operation Argo CD runs when <c>.operation</c> is set, at the revision(s) the manifest asks for.</summary>
    public JsonObject SyncOperation(string initiatedBy)
    {
        // Prune as automated.prune does, so a requested sync removes what the chart no longer renders as Argo CD's own would.
        var spec = Resource["spec"];
        var prune = spec?["syncPolicy"]?["automated"]?["prune"] is JsonValue value && value.TryGetValue<bool>(out var enabled) && enabled;
        var sync = new JsonObject { ["prune"] = prune, ["syncStrategy"] = new JsonObject { ["hook"] = new JsonObject() } };
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

    private static IReadOnlyList<(JsonObject Resource, long Line)> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!System.IO.File.Exists(path))
        {
            throw new ManifestException($"{path}: file not found; expected the stage's app-of-apps manifest (app-of-apps-<stage>.yaml)");
        }

        var documents = YamlDocuments.Read(System.IO.File.ReadAllText(path), path);
        foreach (var (resource, line) in documents)
        {
            if (resource["apiVersion"]?.ToString() != ArgoCdNames.ApiVersion || Kind(resource) is not ("Application" or "AppProject"))
            {
                throw new ManifestException($"{path}:{line}: apiVersion '{resource["apiVersion"]}' kind '{resource["kind"]}' is not allowed; "
                    + $"expected apiVersion {ArgoCdNames.ApiVersion}, kind Application or AppProject");
            }

            if (NameOf(resource).Length == 0)
            {
                throw new ManifestException($"{path}:{line}: metadata.name is missing; every {Kind(resource)} needs a name");
            }
        }

        return documents;
    }

    private static string? Kind(JsonObject resource) => resource["kind"]?.ToString();

    private static string NameOf(JsonObject resource) => resource["metadata"]?["name"]?.ToString() ?? string.Empty;
}
