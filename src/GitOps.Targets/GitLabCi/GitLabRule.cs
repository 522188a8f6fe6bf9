using System.Collections.Immutable;

namespace GitOps.Targets.GitLabCi;

/// <summary>One entry of <c>rules:</c>; the first rule whose <see cref="If"/> matches decides.</summary>
public sealed record GitLabRule
{
    /// <summary>A CI/CD variable expression, e.g. <c>$CI_PIPELINE_SOURCE == "schedule"</c>; null matches always.</summary>
    public string? If { get; init; }

    /// <summary>
    /// <c>changes:</c> globs; the rule matches only when a file matching one changed (in a merge request pipeline,
    /// against the target branch). Empty: no condition on files.
    /// </summary>
    public IReadOnlyList<string> Changes { get; init => field = [.. value]; } = [];

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
