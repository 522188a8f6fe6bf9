namespace GitOps.Platform.ArgoCd;

/// <summary>The outcome of a deploy: the parent and every child as they were when all were Synced and Healthy.</summary>
public sealed record AppOfAppsDeployment(string Parent, IReadOnlyList<ArgoApplication> Applications);
