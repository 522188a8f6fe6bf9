using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// GO046: a stage's parent file (<c>app-of-apps-&lt;stage&gt;.yaml</c>, synced by its root from main) and root file
/// (<c>root-&lt;stage&gt;.yaml</c>, applied by DeployAppOfApps) hold only that stage's objects. Applications are named
/// for the stage (<c>app-of-apps-&lt;stage&gt;-&lt;cloud&gt;</c> for its clouds, <c>root-&lt;stage&gt;</c>) and use a
/// project their own file defines; an AppProject is one the file's Applications or the stage's environments (values
/// <c>project</c>) use; and no name is defined by two stages' files. Otherwise an MR to qa's file, which needs no code
/// owner, could redefine prod's project or parent wherever one Argo CD holds both.
/// </summary>
internal static class StageObjectsRule
{
    public static void Check(VerificationContext context)
    {
        var files = new List<StageFile>();
        foreach (var stage in context.Catalog.Stages)
        {
            var children = ChildProjects(context, stage);
            files.Add(Read(context, stage, EnvironmentLayout.AppOfAppsFile(stage.Stage), [.. stage.Environments.Select(EnvironmentLayout.ReleaseName)], children ?? [], projectsChecked: true) with { ProjectsKnown = children is not null });

            // The root's own project is GO042's (it must be defined in the root file).
            files.Add(Read(context, stage, EnvironmentLayout.RootFile(stage.Stage), [EnvironmentLayout.RootApplicationName(stage.Stage)], [], projectsChecked: false));
        }

        foreach (var stageFiles in files.GroupBy(file => file.Stage))
        {
            CheckDuplicates(context, stageFiles);
        }

        var definers = files.SelectMany(file => file.Objects.Select(entry => (file.Stage, file.Path, entry)))
            .GroupBy(item => item.entry.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        var stageNames = context.Catalog.Stages.Select(stage => stage.Stage).ToList();
        foreach (var file in files)
        {
            Check(context, file, definers, stageNames);
        }
    }

    private static void Check(
        VerificationContext context, StageFile file, Dictionary<string, List<(Stage Stage, string Path, StageObject Entry)>> definers, IReadOnlyList<Stage> stages)
    {
        var name = file.Stage.ToName();
        foreach (var entry in file.Objects)
        {
            void Report(YamlNode node, string message) => context.Sink.Add(file.Path, Math.Max(1, node.Line()), RuleIds.ForeignStageObject, message);
            var others = definers[entry.Key].Where(definer => definer.Stage != file.Stage).ToList();
            if (others.Count > 0)
            {
                // Said where it does not belong: the stage its name names (eurodat-prod is prod's), else the first that defines it.
                var home = NamedStage(entry.Name, stages) ?? definers[entry.Key][0].Stage;
                if (home != file.Stage && definers[entry.Key].FirstOrDefault(definer => definer.Stage == home) is { Path: not null } owner)
                {
                    Report(entry.At, $"defines {entry.Kind} {entry.Name}, which {owner.Path}:{owner.Entry.At.Line()} (stage {home.ToName()}) defines too; "
                        + "a stage's file holds only its own objects, or one stage's merge request would change another's");
                    continue;
                }
            }

            if (entry.Kind == "Application" && !file.ApplicationNames.Contains(entry.Name, StringComparer.Ordinal))
            {
                Report(entry.At, $"holds Application {entry.Name}, which is not one of stage {name}'s: this file holds {string.Join(", ", file.ApplicationNames)}");
            }
            else if (entry.Kind == "Application" && file.ProjectsChecked && entry.Project is { } project && project != "default" && !file.Defined.Contains(project))
            {
                Report(entry.ProjectAt ?? entry.At, $"Application {entry.Name} uses project '{project}', which this file does not define; stage {name}'s Applications use the stage's own projects, defined here");
            }
            else if (entry.Kind == "AppProject" && file.ProjectsChecked && file.ProjectsKnown && !file.Used.Contains(entry.Name))
            {
                Report(entry.At, $"holds AppProject {entry.Name}, which neither this file's Applications nor stage {name}'s environments (values 'project') use; a stage's file defines only its own projects");
            }
        }
    }

    /// <summary>
    /// Two documents of one object in a stage's files: Argo CD keeps the last (its controller deduplicates target
    /// objects by group, kind, namespace and name), while Render and every rule here read the first, so a second
    /// app-of-apps-qa-gcp appended to the file would deploy what nothing checked. The root file comes first: DeployAppOfApps
    /// applies it, and the root then syncs the parent file.
    /// </summary>
    private static void CheckDuplicates(VerificationContext context, IEnumerable<StageFile> stageFiles)
    {
        var first = new Dictionary<string, (string Path, YamlNode At)>(StringComparer.Ordinal);
        foreach (var file in stageFiles.OrderBy(file => file.Path == EnvironmentLayout.RootFile(file.Stage) ? 0 : 1))
        {
            foreach (var document in file.Documents)
            {
                if (first.TryGetValue(document.Key, out var earlier))
                {
                    context.Sink.Add(file.Path, Math.Max(1, document.At.Line()), RuleIds.ForeignStageObject,
                        $"defines {document.Kind} {document.Name} (namespace {document.Namespace}) a second time, first at {earlier.Path}:{Math.Max(1, earlier.At.Line())}; "
                        + "Argo CD applies only the last of two documents with one group, kind, namespace and name, while Verify and Render read the first; write each object once");
                }
                else
                {
                    first[document.Key] = (file.Path, document.At);
                }
            }
        }
    }

    private static StageFile Read(VerificationContext context, StageDefinition stage, string path, IReadOnlyList<string> applicationNames, IReadOnlyCollection<string> childProjects, bool projectsChecked)
    {
        if (!context.Files.Exists(path) || !YamlText.TryLoad(File.ReadAllText(context.Files.FullPath(path)), out var stream, out _, out _))
        {
            return new StageFile(stage.Stage, path, applicationNames, [], new HashSet<string>(), new HashSet<string>(), projectsChecked) { Documents = [] }; // GO002 and GO019 say so
        }

        var objects = new List<StageObject>();
        var documents = new List<StageDocument>();
        foreach (var document in stream.Documents.Select(document => document.RootNode))
        {
            if (document.Child("kind").Text() is { } kind && document.At("metadata", "name").Text() is { } documentName)
            {
                // Both files' objects go to the management cluster's argocd namespace (their Applications' destination), so an object naming none lands there.
                var apiVersion = document.Child("apiVersion").Text() ?? string.Empty;
                var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
                documents.Add(new StageDocument(group, kind, document.At("metadata", "namespace").Text() ?? "argocd", documentName,
                    (YamlNode?)document.At("metadata").KeyNode("name") ?? document));
            }

            // An object without a name is GO022's.
            if (document.Child("kind").Text() is "Application" or "AppProject" && document.At("metadata", "name").Text() is { } objectName)
            {
                objects.Add(new StageObject(document.Child("kind").Text()!, objectName, (YamlNode?)document.At("metadata").KeyNode("name") ?? document,
                    document.At("spec", "project").Text(), document.At("spec", "project")));
            }
        }

        var defined = objects.Where(entry => entry.Kind == "AppProject").Select(entry => entry.Name).ToHashSet(StringComparer.Ordinal);
        var used = objects.Select(entry => entry.Project).OfType<string>().Concat(childProjects).ToHashSet(StringComparer.Ordinal);
        return new StageFile(stage.Stage, path, applicationNames, objects, defined, used, projectsChecked) { Documents = documents };
    }

    /// <summary>The stage a name names as a run of its dash-separated words (the longest: eurodat-qa-int-root is qa-int's), or null.</summary>
    private static Stage? NamedStage(string name, IReadOnlyList<Stage> stages)
    {
        var words = name.Split('-');
        return stages.Select(stage => (Stage: stage, Words: stage.ToName().Split('-')))
            .Where(candidate => Enumerable.Range(0, Math.Max(0, words.Length - candidate.Words.Length + 1))
                .Any(start => words.Skip(start).Take(candidate.Words.Length).SequenceEqual(candidate.Words, StringComparer.Ordinal)))
            .OrderByDescending(candidate => candidate.Words.Length)
            .Select(candidate => (Stage?)candidate.Stage)
            .FirstOrDefault();
    }

    /// <summary>
    /// The projects the stage's environments' child Applications use, each values file's <c>project</c>; null when one
    /// cannot be read (GO002, GO019 and GO006 say why), since then no project can be called unused.
    /// </summary>
    private static HashSet<string>? ChildProjects(VerificationContext context, StageDefinition stage)
    {
        var projects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in stage.Environments.Select(EnvironmentLayout.ValuesFile))
        {
            if (!context.Files.Exists(file) || !YamlText.TryLoad(File.ReadAllText(context.Files.FullPath(file)), out var stream, out _, out _)
                || stream.Documents.FirstOrDefault()?.RootNode.Child("project").Text() is not { } project)
            {
                return null;
            }

            projects.Add(project);
        }

        return projects;
    }

    private sealed record StageObject(string Kind, string Name, YamlNode At, string? Project, YamlNode? ProjectAt)
    {
        public string Key => $"{Kind}/{Name}";
    }

    private sealed record StageDocument(string Group, string Kind, string Namespace, string Name, YamlNode At)
    {
        public string Key => $"{Group}/{Kind}/{Namespace}/{Name}";
    }

    private sealed record StageFile(
        Stage Stage, string Path, IReadOnlyList<string> ApplicationNames, IReadOnlyList<StageObject> Objects,
        IReadOnlySet<string> Defined, IReadOnlySet<string> Used, bool ProjectsChecked)
    {
        /// <summary>Whether every project the stage uses is known, so one the file defines can be called unused.</summary>
        public bool ProjectsKnown { get; init; } = true;

        /// <summary>Every named object of the file, in order, whatever its kind.</summary>
        public required IReadOnlyList<StageDocument> Documents { get; init; }
    }
}
