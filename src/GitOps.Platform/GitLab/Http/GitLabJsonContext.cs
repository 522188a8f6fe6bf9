using System.Text.Json.Serialization;

namespace GitOps.Platform.GitLab.Http;

/// <summary>Source-generated serializers: no reflection at start-up, and GitLab's snake_case in one place.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<GitLabVariable>))]
[JsonSerializable(typeof(List<MergeRequest>))]
[JsonSerializable(typeof(MergeRequest))]
[JsonSerializable(typeof(GitLabPipeline))]
[JsonSerializable(typeof(GitLabRelease))]
[JsonSerializable(typeof(GitLabProject))]
[JsonSerializable(typeof(GitLabServerVersion))]
[JsonSerializable(typeof(GitLabCommit))]
[JsonSerializable(typeof(GitLabCommitStatus))]
[JsonSerializable(typeof(CreateMergeRequestBody))]
[JsonSerializable(typeof(UpdateMergeRequestBody))]
[JsonSerializable(typeof(CreateReleaseBody))]
[JsonSerializable(typeof(CreateCommitBody))]
[JsonSerializable(typeof(CommitStatusBody))]
internal sealed partial class GitLabJsonContext : JsonSerializerContext;
