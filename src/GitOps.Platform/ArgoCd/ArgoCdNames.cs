namespace GitOps.Platform.ArgoCd;

/// <summary>The names Argo CD and the Kubernetes API fix for us.</summary>
public static class ArgoCdNames
{
    public const string Group = "argoproj.io";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Group + "/" + Version;
    public const string Applications = "applications";
    public const string AppProjects = "appprojects";
    public const string DefaultNamespace = "argocd";

    /// <summary>Our server-side apply field manager: the fields we own on the management cluster.</summary>
    public const string FieldManager = "gitops-build";

    /// <summary>Makes Argo CD delete an application's resources before the application (foreground cascade).</summary>
    public const string ResourcesFinalizer = "resources-finalizer.argocd.argoproj.io";

    public const string InstanceLabel = "app.kubernetes.io/instance";
    public const string TrackingIdAnnotation = "argocd.argoproj.io/tracking-id";
    public const string RefreshAnnotation = "argocd.argoproj.io/refresh";
    public const string SecretTypeLabel = "argocd.argoproj.io/secret-type";

    /// <summary>Our label on cluster Secrets: which stage's environment a registered cluster belongs to.</summary>
    public const string StageLabel = "gitops.platform/stage";
}
