using System.Collections.Immutable;

namespace GitOps.Targets.GitLabCi;

/// <summary>One entry of <c>rules:</c>; the first rule whose <see cref="If"/> matches decides.</summary>
public sealed record GitLabRule
{
    /// <summary>A CI/CD variable expression, e.g. <c>$CI_PIPELINE_SOURCE == "schedule"</c>; null matches always.</summary>
    public string? If { get; init; }

    public GitLabWhen? When { get; init; }

    public bool? AllowFailure { get; init; }

    /// <summary>Workflow rules only: overrides <see cref="GitLabWorkflow.AutoCancel"/> for the pipelines this rule admits.</summary>
    public GitLabAutoCancel? AutoCancel { get; init; }

    /// <summary>Variables set when this rule matches; written sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Variables
    {
        get;
        init => field = value.ToImmutableSortedDictionary(StringComparer.Ordinal);
    } = ImmutableSortedDictionary<string, string>.Empty;
}
