using GitOps.Platform.GitLab.Http;

namespace GitOps.Platform.GitLab;

public sealed partial class GitLabClient
{
    /// <summary>
    /// Triggers a pipeline on <paramref name="reference"/> of this project (or of <paramref name="project"/>, an id
    /// or path) with the given variables and <paramref name="inputs"/> (spec:inputs, sent as <c>inputs[name]</c>; a project
    /// that lets no one set pipeline variables accepts only those). Uses the connection's trigger token, else the CI job
    /// token. Never repeated when it may have run: a second pipeline would deploy twice.
    /// </summary>
    public Task<GitLabPipeline> TriggerPipelineAsync(
        string reference,
        IReadOnlyDictionary<string, string> variables,
        CancellationToken cancellationToken,
        string? project = null,
        IReadOnlyDictionary<string, string>? inputs = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        ArgumentNullException.ThrowIfNull(variables);
        var connection = transport.Connection;
        var token = connection.TriggerToken
            ?? (connection.TokenKind == GitLabTokenKind.JobToken
                ? connection.Token
                : throw new GitLabConfigurationException(
                    "Triggering a GitLab pipeline needs a trigger token (GITLAB_TRIGGER_TOKEN) or, in a job, CI_JOB_TOKEN"));
        var fields = new List<KeyValuePair<string, string>> { new("token", token), new("ref", reference) };
        fields.AddRange(variables.Select(variable => new KeyValuePair<string, string>($"variables[{variable.Key}]", variable.Value)));
        fields.AddRange((inputs ?? new Dictionary<string, string>()).Select(input => new KeyValuePair<string, string>($"inputs[{input.Key}]", input.Value)));
        var request = new GitLabRequest(HttpMethod.Post, ProjectPath(project) + "/trigger/pipeline")
        {
            Content = () => new FormUrlEncodedContent(fields),
            JobTokenAllowed = true,
        };
        return transport.SendAsync(request, Read(request, GitLabJsonContext.Default.GitLabPipeline), null, cancellationToken);
    }
}
