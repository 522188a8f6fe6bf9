using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Pins;
using GitOps.Platform.Environments.Yaml;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// root-&lt;stage&gt;.yaml, what makes a merged pin take effect: one Application, root-&lt;stage&gt;, tracking main of the
/// repository the parents come from and including only the stage's parent file, automated, without the resources
/// finalizer (deleting it must not cascade), in its own AppProject (defined in the same file) that may create only
/// Applications and AppProjects in the management cluster's Argo CD namespace, from that repository only.
/// </summary>
internal static class RootApplicationRule
{
    private static readonly string[] AllowedKinds = ["Application", "AppProject"];

    public static void Check(VerificationContext context, StageDefinition stage)
    {
        var path = EnvironmentLayout.RootFile(stage.Stage);
        if (!context.Files.Exists(path) || YamlFile.Read(context.Files, path, context.Sink) is not { } file)
        {
            return; // GO002 or GO019 say why
        }

        var name = EnvironmentLayout.RootApplicationName(stage.Stage);
        var parentFile = Path.GetFileName(EnvironmentLayout.AppOfAppsFile(stage.Stage));
        void Report(YamlNode? node, string message) => context.Sink.Add(path, node?.Line() ?? 1, RuleIds.RootApplicationInvalid, message);

        var applications = file.Documents.Where(document => document.Child("kind").Text() == "Application").ToList();
        if (applications.Count != 1 || applications[0].At("metadata", "name").Text() != name)
        {
            Report(applications.Skip(1).FirstOrDefault() ?? applications.FirstOrDefault()?.At("metadata", "name"),
                $"holds {applications.Count} Application(s); it holds exactly one, named {name}");
            return;
        }

        var root = applications[0];
        var source = root.At("spec", "source");
        if (source is null || root.At("spec", "sources") is not null)
        {
            Report(root.KeyNode("spec"), $"Application {name} needs a single spec.source: this repository's {EnvironmentLayout.StageDirectory(stage.Stage)}, only {parentFile}");
            return;
        }

        if (source.Child("targetRevision").Text() != "main")
        {
            Report(source.Child("targetRevision") ?? source, $"Application {name} tracks '{source.Child("targetRevision").Text() ?? "HEAD"}'; a root tracks main, so a merged pin takes effect (the pins themselves are in {parentFile})");
        }

        if (source.Child("path").Text()?.Trim('/') != EnvironmentLayout.StageDirectory(stage.Stage) || source.At("directory", "recurse").Text() == "true"
            || source.At("directory", "include").Text() != parentFile || source.At("directory", "exclude") is not null)
        {
            Report(source.Child("path") ?? source, $"Application {name} must include only {EnvironmentLayout.AppOfAppsFile(stage.Stage)} (path: {EnvironmentLayout.StageDirectory(stage.Stage)}, directory.include: {parentFile}, no recurse); a root holding more could deploy another stage's or its own file");
        }

        var parentRepository = ParentRepository(context, stage.Stage);
        if (parentRepository is not null && source.Child("repoURL").Text() != parentRepository)
        {
            Report(source.Child("repoURL") ?? source, $"Application {name} reads {RepositoryUrl.Shown(source.Child("repoURL").Text())}, not {RepositoryUrl.Shown(parentRepository)}, the repository its parents render");
        }

        if (root.At("spec", "syncPolicy", "automated") is null)
        {
            Report(root.At("spec").KeyNode("syncPolicy") ?? root.KeyNode("spec"), $"Application {name}: syncPolicy.automated is not set; a merged pin would not take effect by itself");
        }

        if (root.At("metadata", "finalizers").Items().Any(item => item.Text()?.StartsWith(ApplicationRules.Finalizer, StringComparison.Ordinal) == true))
        {
            Report(root.At("metadata").KeyNode("finalizers"), $"Application {name} has the {ApplicationRules.Finalizer} finalizer; deleting the root would then delete the whole stage, so it has none");
        }

        CheckProject(context, file, root, path, name, parentRepository);
    }

    private static void CheckProject(VerificationContext context, YamlFile file, YamlNode root, string path, string name, string? repository)
    {
        var projectName = root.At("spec", "project").Text();
        var project = file.Documents.FirstOrDefault(document => document.Child("kind").Text() == "AppProject" && document.At("metadata", "name").Text() == projectName);
        void Report(YamlNode? node, string message) => context.Sink.Add(path, node?.Line() ?? 1, RuleIds.RootApplicationInvalid, message);
        if (project is null || projectName is null or "default")
        {
            Report(root.At("spec", "project") ?? root.KeyNode("spec"), $"Application {name} uses project '{projectName ?? "default"}', which this file does not define; a root has its own AppProject here");
            return;
        }

        var spec = project.Child("spec");
        var kinds = spec.Child("namespaceResourceWhitelist").Items().ToList();
        if (kinds.Any(kind => kind.Child("group").Text() != "argoproj.io" || !AllowedKinds.Contains(kind.Child("kind").Text())) || kinds.Count == 0)
        {
            Report(spec.KeyNode("namespaceResourceWhitelist") ?? project.KeyNode("spec"), $"AppProject {projectName} may create only argoproj.io Applications and AppProjects (the parent file's kinds)");
        }

        if (spec.Child("clusterResourceWhitelist") is not YamlSequenceNode { Children.Count: 0 })
        {
            Report(spec.KeyNode("clusterResourceWhitelist") ?? project.KeyNode("spec"), $"AppProject {projectName} must set clusterResourceWhitelist: [] (nothing cluster-scoped)");
        }

        if (spec.Child("destinations").Items().Any(destination => destination.Child("name").Text() != "in-cluster" || destination.Child("namespace").Text() != "argocd")
            || !spec.Child("destinations").Items().Any())
        {
            Report(spec.KeyNode("destinations") ?? project.KeyNode("spec"), $"AppProject {projectName} may deploy only to in-cluster, namespace argocd");
        }

        var repositories = spec.Child("sourceRepos").Items().Select(item => item.Text()).ToList();
        if (repositories.Count != 1 || (repository is not null && repositories[0] != repository))
        {
            Report(spec.KeyNode("sourceRepos") ?? project.KeyNode("spec"), $"AppProject {projectName} may read only this repository ({(repository is null ? "the parents' repository" : RepositoryUrl.Shown(repository))})");
        }
    }

    private static string? ParentRepository(VerificationContext context, Stage stage)
    {
        var file = EnvironmentLayout.AppOfAppsFile(stage);
        return context.Files.Exists(file) && YamlText.TryLoad(File.ReadAllText(context.Files.FullPath(file)), out var stream, out _, out _)
            ? stream.Documents.Select(document => document.RootNode).Where(document => document.Child("kind").Text() == "Application")
                .SelectMany(application => application.At("spec", "sources").Items()).Select(source => source.Child("repoURL").Text()).FirstOrDefault(url => url is not null)
            : null;
    }
}
