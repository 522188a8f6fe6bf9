namespace GitOps.Platform.Verification.Schemas;

/// <summary>One schema violation: the path of the field within its object (keys and array indexes) and what is wrong.</summary>
internal sealed record SchemaProblem(IReadOnlyList<string> Path, string Message);
