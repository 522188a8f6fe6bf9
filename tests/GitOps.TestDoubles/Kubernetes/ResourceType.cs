namespace GitOps.TestDoubles.Kubernetes;

/// <summary>A kind the fake API server serves, addressed the way the REST paths name it.</summary>
public sealed record ResourceType(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    public static readonly ResourceType Application = new("argoproj.io", "v1alpha1", "applications", "Application", true);
    public static readonly ResourceType AppProject = new("argoproj.io", "v1alpha1", "appprojects", "AppProject", true);
    public static readonly ResourceType Secret = new(string.Empty, "v1", "secrets", "Secret", true);
    public static readonly ResourceType ConfigMap = new(string.Empty, "v1", "configmaps", "ConfigMap", true);
    public static readonly ResourceType Namespace = new(string.Empty, "v1", "namespaces", "Namespace", false);
    public static readonly ResourceType ClusterRoleBinding = new("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false);

    public static readonly ResourceType ClusterRole = new("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false);

    private static readonly ResourceType[] Known = [Application, AppProject, Secret, ConfigMap, Namespace, ClusterRoleBinding, ClusterRole];

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public static ResourceType? Find(string group, string version, string plural) =>
        Known.FirstOrDefault(type => type.Group == group && type.Version == version && type.Plural == plural);
}
