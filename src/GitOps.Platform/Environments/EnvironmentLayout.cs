namespace GitOps.Platform.Environments;

/// <summary>
/// Where each environment's files live, relative to the repository root and with '/' separators (as in Git, Argo CD
/// value paths and messages). One folder per stage keeps a stage's files, and their code owners, together.
/// </summary>
public static class EnvironmentLayout
{
    public const string EnvironmentsDirectory = "environments";

    public const string StagesFile = "environments/stages.yaml";

    public const string ChartDirectory = "charts/app-of-apps";

    public const string ArgoCdValuesFile = "environments/argocd/argocd-values.yaml";

    /// <summary>Argo CD's built-in project "default", emptied: ProvisionManagementCluster applies it after the install.</summary>
    public const string DefaultProjectFile = "environments/argocd/default-project.yaml";

    public const string RenderedDirectoryRoot = ".nuke/temp/rendered";

    /// <summary>Where the chart and environments of each pinned commit are exported once (by SHA, so it never goes stale).</summary>
    public const string PinnedChartsRoot = ".nuke/temp/pinned-configuration";

    public static string StageDirectory(Stage stage) => $"{EnvironmentsDirectory}/{stage.ToName()}";

    public static string ValuesFile(EnvironmentId environment) =>
        $"{StageDirectory(environment.Stage)}/values-{environment}.yaml";

    public static string AppOfAppsFile(Stage stage) => $"{StageDirectory(stage)}/app-of-apps-{stage.ToName()}.yaml";

    /// <summary>The stage's root Application file: it tracks main and holds only <see cref="AppOfAppsFile"/>.</summary>
    public static string RootFile(Stage stage) => $"{StageDirectory(stage)}/root-{stage.ToName()}.yaml";

    /// <summary>The stage's root Application (one per management cluster).</summary>
    public static string RootApplicationName(Stage stage) => $"root-{stage.ToName()}";

    public static string RenderedDirectory(EnvironmentId environment) => $"{RenderedDirectoryRoot}/{environment}";

    /// <summary>The Helm release (and app-of-apps Application) name of an environment.</summary>
    public static string ReleaseName(EnvironmentId environment) => $"app-of-apps-{environment}";

    /// <summary>Turns a layout path into a path on this machine.</summary>
    public static string Resolve(string repositoryRoot, string relativePath) =>
        Path.Combine(repositoryRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));
}
