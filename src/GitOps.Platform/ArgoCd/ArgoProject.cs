namespace GitOps.Platform.ArgoCd;

/// <summary>
/// An Argo CD AppProject: which repositories a stage's applications may come from and which clusters they may
/// deploy to. One per stage keeps dev's applications off prod's clusters.
/// </summary>
public sealed record ArgoProject(string Name, string Description, IReadOnlyList<string> SourceRepos, IReadOnlyList<ArgoProjectDestination> Destinations)
{
    /// <summary>
    /// The stage's project: its environment clusters (named <c>&lt;stage&gt;-&lt;cloud&gt;</c>) and the management
    /// cluster's argocd namespace, where the app-of-apps renders the child Applications.
    /// </summary>
    public static ArgoProject ForStage(string stage, IReadOnlyList<string> sourceRepos) => new(
        stage,
        $"Applications of stage {stage}",
        sourceRepos,
        [new ArgoProjectDestination(null, $"{stage}-*", "*"), new ArgoProjectDestination("https://kubernetes.default.svc", null, ArgoCdNames.DefaultNamespace)]);
}
