namespace GitOps.TestDoubles.Kubernetes;

/// <summary>Identity of a stored object; cluster-scoped objects use an empty namespace.</summary>
public readonly record struct ObjectKey(ResourceType Type, string Namespace, string Name);
