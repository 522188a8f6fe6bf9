using GitOps.Platform.ArgoCd;
using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Pins;
using GitOps.Platform.Environments.Yaml;
using GitOps.Platform.Pipelines;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// The parents' AppProject (the project of a stage's app-of-apps Applications) reaches the management cluster's Argo
/// CD namespace, which Argo CD's docs call admin-level. It may allow only what the parents render: Applications, and
/// the e2e hook Job where the stage renders one, in the Argo CD namespace and the hook's own namespace, no cluster-scoped
/// kind. Argo CD checks a resource's kind and its namespace separately (AppProject.IsGroupKindPermitted,
/// IsDestinationPermitted), so allowing batch/Job for the hook's namespace allows it in argocd too, where a Job could
/// name serviceAccountName: argocd-application-controller. The admission policy in argocd-values.yaml closes that; a
/// Job kind without it is refused. Argo CD's built-in project default must allow nothing.
/// </summary>
internal static class ParentsProjectRule
{
    private static readonly string[] ParentKinds = ["argoproj.io/Application", HookKind];

    private const string HookKind = "batch/Job";

    private const string InCluster = "in-cluster";

    private const string InClusterServer = "https://kubernetes.default.svc";

    public static void Check(VerificationContext context, StageDefinition stage)
    {
        var path = EnvironmentLayout.AppOfAppsFile(stage.Stage);
        if (!context.Files.Exists(path) || YamlFile.Read(context.Files, path, context.Sink) is not { } file)
        {
            return;
        }

        var parentProjects = file.Documents.Where(document => document.Child("kind").Text() == "Application")
            .Select(application => application.At("spec", "project").Text())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var rendersHook = stage.Environments.Any(GitOpsPipelines.PostSyncEnvironments(context.Catalog).Contains);
        var repository = ChartRepository(file);
        foreach (var project in file.Documents.Where(document => document.Child("kind").Text() == "AppProject"
            && parentProjects.Contains(document.At("metadata", "name").Text() ?? string.Empty)))
        {
            CheckParents(context, path, stage.Stage, project, rendersHook);
            CheckRepositories(context, path, project, repository);
        }

        if (repository is not null)
        {
            CheckSources(context, path, file, repository);
        }
    }

    /// <summary>
    /// This repository, as the parents name it: the repoURL of the first source rendering the chart. A pin is a commit
    /// of it, so every source of a parent reads it (GO043 keeps them at one revision): a <c>ref: values</c> source of
    /// another repository, or of a fork at main, would feed the stage a values file no merge request here reviews.
    /// </summary>
    private static string? ChartRepository(YamlFile file) =>
        ChartSources.In(new YamlStream(file.Documents.Select(document => new YamlDocument(document))))
            .Select(source => source.Source.Child("repoURL").Text()).FirstOrDefault(url => !string.IsNullOrWhiteSpace(url));

    private static void CheckSources(VerificationContext context, string path, YamlFile file, string repository)
    {
        foreach (var application in file.Documents.Where(document => document.Child("kind").Text() == "Application"))
        {
            var spec = application.Child("spec");
            IEnumerable<YamlNode> sources = spec.Child("source") is { } single ? [single, .. spec.Child("sources").Items()] : spec.Child("sources").Items();
            foreach (var source in sources.Where(source => source.Child("repoURL").Text() is not { } url || RepositoryUrl.Normalise(url) != RepositoryUrl.Normalise(repository)))
            {
                context.Sink.Add(path, (source.Child("repoURL") ?? source).Line(), RuleIds.ParentsProjectTooBroad,
                    $"Application {application.At("metadata", "name").Text() ?? "(unnamed)"} reads {RepositoryUrl.Shown(source.Child("repoURL").Text() ?? "no repoURL")}; "
                    + $"a parent's sources are all this repository ({RepositoryUrl.Shown(repository)}), the chart's, at the stage's revision, or its values would come from outside its merge requests");
            }
        }
    }

    /// <summary>The parents' project may read this repository and nothing else: no <c>"*"</c>, no fork.</summary>
    private static void CheckRepositories(VerificationContext context, string path, YamlNode project, string? repository)
    {
        var name = project.At("metadata", "name").Text();
        var entries = project.At("spec", "sourceRepos").Items().ToList();
        if (entries.Count == 0)
        {
            context.Sink.Add(path, (project.At("spec").KeyNode("sourceRepos") ?? project).Line(), RuleIds.ParentsProjectTooBroad,
                $"AppProject {name} lists no sourceRepos; the parents' project reads only this repository{(repository is null ? string.Empty : $" ({RepositoryUrl.Shown(repository)})")}");
            return;
        }

        foreach (var entry in entries.Where(entry => repository is null
            ? entry.Text()?.Contains('*', StringComparison.Ordinal) != false
            : entry.Text() is not { } url || RepositoryUrl.Normalise(url) != RepositoryUrl.Normalise(repository)))
        {
            context.Sink.Add(path, entry.Line(), RuleIds.ParentsProjectTooBroad,
                $"AppProject {name} may read {RepositoryUrl.Shown(entry.Text())}; the parents' project reads only this repository{(repository is null ? string.Empty : $" ({RepositoryUrl.Shown(repository)})")}");
        }
    }

    /// <summary>environments/argocd/default-project.yaml: no repository, no destination, no kind.</summary>
    public static void CheckDefaultProject(VerificationContext context)
    {
        var path = EnvironmentLayout.DefaultProjectFile;
        if (!context.Files.Exists(path) || YamlFile.Read(context.Files, path, context.Sink) is not { } file || file.Root is not { } project)
        {
            context.Sink.Add(path, 1, RuleIds.ParentsProjectTooBroad,
                "is missing: Argo CD's built-in project default must allow nothing, and ProvisionManagementCluster applies this file to make it so");
            return;
        }

        void Report(YamlNode node, string what) => context.Sink.Add(path, node.Line(), RuleIds.ParentsProjectTooBroad,
            $"Argo CD's built-in project default must allow nothing, but it {what}; an Application naming no project would deploy with it");

        // Applied with server-side apply, which clears only the fields the applier owns: a list left out keeps what
        // argocd-server set at its first start ("*"), so these three must be present, and empty.
        foreach (var field in new[] { "sourceRepos", "destinations", "clusterResourceWhitelist" })
        {
            if (project.At("spec", field) is not YamlSequenceNode)
            {
                Report(project.At("spec") ?? project, $"leaves out {field} (write {field}: []); server-side apply keeps what argocd-server set for a field it does not own");
            }
        }

        foreach (var field in new[] { "sourceRepos", "destinations", "clusterResourceWhitelist", "namespaceResourceWhitelist" })
        {
            foreach (var entry in project.At("spec", field).Items())
            {
                Report(entry, $"has an entry in {field}");
            }
        }

        var blacklist = project.At("spec", "namespaceResourceBlacklist").Items();
        if (!blacklist.Any(entry => entry.Child("group").Text() == "*" && entry.Child("kind").Text() == "*"))
        {
            Report(project.At("spec") ?? project, "does not blacklist every namespaced kind (namespaceResourceBlacklist group '*' kind '*')");
        }
    }

    private static void CheckParents(VerificationContext context, string path, Stage stage, YamlNode project, bool rendersHook)
    {
        var name = project.At("metadata", "name").Text();
        var hookNamespace = E2eTriggerToken.HookNamespace(stage);
        void Report(YamlNode? node, string message) =>
            context.Sink.Add(path, (node ?? project).Line(), RuleIds.ParentsProjectTooBroad, $"AppProject {name} {message}");

        foreach (var entry in project.At("spec", "clusterResourceWhitelist").Items())
        {
            Report(entry.Child("kind") ?? entry, $"allows the cluster-scoped {Kind(entry)}; the parents create no cluster-scoped object");
        }

        if (project.At("spec", "namespaceResourceWhitelist") is not YamlSequenceNode whitelist)
        {
            Report(project.At("metadata", "name"), "has no namespaceResourceWhitelist, so it allows every namespaced kind; list argoproj.io/Application (and batch/Job where a hook runs)");
            return;
        }

        var argoCdNamespace = "argocd";
        foreach (var destination in project.At("spec", "destinations").Items())
        {
            var cluster = destination.Child("name").Text() ?? destination.Child("server").Text();
            var target = destination.Child("namespace").Text();
            if ((cluster != InCluster && cluster != InClusterServer) || (target != argoCdNamespace && target != hookNamespace))
            {
                Report(destination.Child("namespace") ?? destination,
                    $"reaches namespace '{target}' of {cluster}; the parents may reach {argoCdNamespace} (Applications) and {hookNamespace} (the e2e hook Job) only");
            }
        }

        foreach (var entry in whitelist.Children)
        {
            var kind = Kind(entry);
            if (!ParentKinds.Contains(kind, StringComparer.Ordinal))
            {
                Report(entry.Child("kind") ?? entry, $"allows {kind}; in Argo CD's namespace that runs as whatever service account it names. The parents render Applications and the e2e hook Job only");
            }
            else if (kind == HookKind && !rendersHook)
            {
                Report(entry.Child("kind") ?? entry, $"allows {HookKind}, but no environment of stage {stage.ToName()} renders the e2e hook; remove it");
            }
            else if (kind == HookKind && AdmissionPolicyGap(context) is { } gap)
            {
                Report(entry.Child("kind") ?? entry,
                    $"allows {HookKind} while it reaches the Argo CD namespace {argoCdNamespace}: Argo CD checks kind and namespace separately, so a Job could run there as the "
                    + $"application controller. {gap}");
            }
        }
    }

    /// <summary>Why argocd-values.yaml's admission policy does not keep the controller's workloads out of argocd, or null when it does.</summary>
    private static string? AdmissionPolicyGap(VerificationContext context)
    {
        if (YamlFile.Read(context.Files, EnvironmentLayout.ArgoCdValuesFile, context.Sink) is not { } file)
        {
            // Unreadable: GO019 names the file already, and what it says cannot be judged.
            return null;
        }

        var values = file.Root;
        var objects = values.Child("extraObjects").Items().ToList();
        var policy = objects.FirstOrDefault(item => item.Child("kind").Text() == "ValidatingAdmissionPolicy"
            && item.At("metadata", "name").Text() == ArgoCdWorkloadGuard.PolicyName);
        var binding = objects.FirstOrDefault(item => item.Child("kind").Text() == "ValidatingAdmissionPolicyBinding"
            && item.At("spec", "policyName").Text() == ArgoCdWorkloadGuard.PolicyName);
        var fix = $"{EnvironmentLayout.ArgoCdValuesFile} (extraObjects) needs ValidatingAdmissionPolicy {ArgoCdWorkloadGuard.PolicyName}";
        if (policy is null || binding is null)
        {
            return $"{fix} and a binding for it.";
        }

        if (binding.At("spec", "validationActions").Items().Select(action => action.Text()).ToList() is not ["Deny"])
        {
            return $"{fix}'s binding to use validationActions [Deny].";
        }

        if (binding.At("spec", "matchResources", "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name").Text() != "argocd")
        {
            return $"{fix}'s binding to select the namespace argocd (matchResources namespaceSelector kubernetes.io/metadata.name).";
        }

        if (policy.At("spec", "matchConstraints", "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name").Text() != "argocd")
        {
            return $"{fix} to select the namespace argocd (namespaceSelector kubernetes.io/metadata.name).";
        }

        if (policy.At("spec", "failurePolicy").Text() != "Fail")
        {
            return $"{fix} to use failurePolicy Fail, so an error evaluating it refuses the request.";
        }

        // Exactly one condition, naming exactly the controller: a misspelt name matches nobody and the policy never applies.
        if (policy.At("spec", "matchConditions").Items().Select(condition => condition.Child("expression").Text()?.Trim()).ToList()
            is not [ControllerCondition])
        {
            return $"{fix} to match exactly the controller's requests (matchConditions: [{ControllerCondition}]).";
        }

        if (policy.At("spec", "validations").Items().ToList() is not { Count: > 0 } validations
            || validations.Any(validation => validation.Child("expression").Text()?.Trim() != "false"))
        {
            return $"{fix} to deny every request it matches (validations with expression \"false\" only).";
        }

        var covered = policy.At("spec", "matchConstraints", "resourceRules").Items()
            .Where(rule => rule.Child("operations").Items().Select(operation => operation.Text()).ToHashSet(StringComparer.Ordinal) is var operations
                && (operations.Contains("*") || (operations.Contains("CREATE") && operations.Contains("UPDATE"))))
            .SelectMany(rule => rule.Child("apiGroups").Items().SelectMany(group => rule.Child("resources").Items()
                .Select(resource => $"{group.Text()}/{resource.Text()}")))
            .ToHashSet(StringComparer.Ordinal);
        var missing = ArgoCdWorkloadGuard.Workloads.Where(workload => !covered.Contains(workload)).ToList();
        return missing.Count == 0 ? null : $"{fix} to cover CREATE and UPDATE of {string.Join(", ", missing)}.";
    }

    private const string ControllerCondition = "request.userInfo.username == \"system:serviceaccount:argocd:argocd-application-controller\"";

    private static string Kind(YamlNode entry) => $"{entry.Child("group").Text()}/{entry.Child("kind").Text()}";
}
