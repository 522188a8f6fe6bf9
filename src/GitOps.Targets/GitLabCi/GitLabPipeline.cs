using System.Collections.Immutable;
using GitOps.Targets.GitLabCi.Validation;
using GitOps.Targets.GitLabCi.Yaml;

namespace GitOps.Targets.GitLabCi;

/// <summary>
/// A whole <c>.gitlab-ci.yml</c> as an immutable value. <see cref="Validate"/> lists every mistake at once;
/// <see cref="ToYaml"/> writes the same bytes for the same model (stable key order, LF, trailing newline).
/// </summary>
public sealed record GitLabPipeline
{
    /// <summary>Written as <c>#</c> comment lines at the top, e.g. that the file is generated and how to regenerate it.</summary>
    public string? HeaderComment { get; init; }

    /// <summary>
    /// The <c>spec:inputs</c> header, written as a document of its own before <c>---</c>; empty: no header. Only the
    /// top-level file has one here: a child pipeline gets nothing from its trigger job.
    /// </summary>
    public IReadOnlyList<GitLabInput> Inputs { get; init => field = [.. value]; } = [];

    public GitLabWorkflow? Workflow { get; init; }

    /// <summary>Empty means GitLab's default stages: build, test, deploy.</summary>
    public IReadOnlyList<string> Stages { get; init => field = [.. value]; } = [];

    /// <summary>Global variables, written sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Variables
    {
        get;
        init => field = value.ToImmutableSortedDictionary(StringComparer.Ordinal);
    } = ImmutableSortedDictionary<string, string>.Empty;

    public GitLabDefaults? Default { get; init; }

    /// <summary>Written in this order.</summary>
    public IReadOnlyList<GitLabJob> Jobs { get; init => field = [.. value]; } = [];

    /// <summary>
    /// Child pipelines the trigger jobs start, by repository-relative path; each is written to its own file
    /// (<see cref="ToYaml"/> writes this pipeline only).
    /// </summary>
    public IReadOnlyDictionary<string, GitLabPipeline> Children
    {
        get;
        init => field = value.ToImmutableSortedDictionary(StringComparer.Ordinal);
    } = ImmutableSortedDictionary<string, GitLabPipeline>.Empty;

    /// <summary>Every problem GitLab would reject or we consider a mistake, one line each; empty when valid.</summary>
    public IReadOnlyList<string> Validate() => PipelineValidator.Validate(this);

    /// <summary>The YAML text; throws <see cref="InvalidGitLabPipelineException"/> listing all errors when invalid.</summary>
    public string ToYaml()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new InvalidGitLabPipelineException(errors);
        }

        return PipelineYamlWriter.Write(this);
    }
}
