using System.Collections.Immutable;

namespace GitOps.Targets.GitLabCi.Generation;

/// <summary>Everything of the generated file that is not a job: header, workflow, stages, defaults, per-target settings.</summary>
public sealed record GenerationSettings
{
    /// <summary>How a job starts the build, relative to the repository root.</summary>
    public string BuildCommand { get; init; } = "./build.sh";

    public string? HeaderComment { get; init; }

    /// <summary>The header of child pipeline files; null: <see cref="HeaderComment"/>.</summary>
    public string? ChildHeaderComment { get; init; }

    public GitLabWorkflow? Workflow { get; init; }

    /// <summary>The top-level file's <c>spec:inputs</c>; child pipelines get none.</summary>
    public IReadOnlyList<GitLabInput> Inputs { get; init => field = [.. value]; } = [];

    /// <summary>GitLab stages in order; every <see cref="TargetJobSettings.Stage"/> must be one of them.</summary>
    public IReadOnlyList<string> Stages { get; init => field = [.. value]; } = [];

    /// <summary>The stage of targets without one; null means GitLab's default, <c>test</c>.</summary>
    public string? DefaultStage { get; init; }

    public IReadOnlyDictionary<string, string> Variables { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public GitLabDefaults? Default { get; init; }

    /// <summary>Per target name.</summary>
    public IReadOnlyDictionary<string, TargetJobSettings> Targets { get; init; } = ImmutableDictionary<string, TargetJobSettings>.Empty;

    /// <summary>
    /// Globs that must never be uploaded (kubeconfigs, secrets): added as <c>artifacts:exclude</c> to every job that
    /// keeps paths, and a declared artifact path inside one of them fails generation.
    /// </summary>
    public IReadOnlyList<string> NeverArtifacts { get; init => field = [.. value]; } = [];
}
