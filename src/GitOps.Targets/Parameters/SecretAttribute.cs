namespace GitOps.Targets.Parameters;

/// <summary>A parameter whose value is masked as <c>***</c> everywhere and never shown by <c>--help</c>.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
