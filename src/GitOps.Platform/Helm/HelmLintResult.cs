namespace GitOps.Platform.Helm;

/// <summary>The outcome of <c>helm lint</c>: whether it passed and the text of each <c>[ERROR]</c> it reported.</summary>
public sealed record HelmLintResult(bool Passed, IReadOnlyList<string> Errors, string Output);
