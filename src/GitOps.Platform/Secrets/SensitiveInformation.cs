using GitOps.Platform.GitLab;
using GitOps.Targets.Output;

namespace GitOps.Platform.Secrets;

/// <summary>
/// Gathers the sensitive values a build needs (what <c>boot/prepare_sensitive_information.sh</c> did): a local
/// <c>.env</c> if there is one, then the project's GitLab CI/CD variables for the environment, except in pipeline mode
/// where the runner already has them. Everything found is registered for masking before it is returned. Values set
/// locally (process environment, then <c>.env</c>) win over GitLab's, so a developer can override one.
/// Values from <c>.env</c> are masked unless the template (by default the repository's <c>environments/env.template</c>)
/// documents them as not secret: masking a URL or a project id everywhere would hide more than it protects.
/// </summary>
public sealed class SensitiveInformation(ISecretRegistry secrets, ILog log)
{
    public async Task<SensitiveValues> LoadAsync(SensitiveInformationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Template is null && File.Exists(Path.Combine(request.RepositoryRoot, EnvTemplate.RelativePath)))
        {
            request = request with { Template = await EnvTemplate.ReadAsync(request.RepositoryRoot, cancellationToken) };
        }

        RegisterSecretsAlreadySet(request);
        var dotEnv = await DotEnvFile.ReadAsync(request.DotEnvPath, DotEnvFile.Name, cancellationToken);
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var fromDotEnv = new List<string>();
        foreach (var (key, value) in dotEnv)
        {
            if (request.Template?.IsSecret(key) ?? true)
            {
                secrets.Register(value);
            }

            if (!IsSet(request.Environment, key))
            {
                variables[key] = value;
                fromDotEnv.Add(key);
            }
        }

        if (dotEnv.Count > 0)
        {
            log.Info($"Read {dotEnv.Count} variable(s) from .env");
        }

        if (request.GitLabNotUsedBecause is { } reason)
        {
            log.Info($"Not loading CI/CD variables from GitLab: {reason}");
            return new SensitiveValues(variables, fromDotEnv, [], gitLabSkipped: true);
        }

        if (request.IsPipeline)
        {
            log.Info("Pipeline mode: the runner provides the CI/CD variables; not loading them from GitLab");
            return new SensitiveValues(variables, fromDotEnv, [], gitLabSkipped: true);
        }

        var (fromGitLab, unreadable) = await LoadFromGitLabAsync(request, variables, cancellationToken);
        return new SensitiveValues(variables, fromDotEnv, fromGitLab, gitLabSkipped: false, unreadable);
    }

    private async Task<(List<string> FromGitLab, List<string> Unreadable)> LoadFromGitLabAsync(
        SensitiveInformationRequest request, SortedDictionary<string, string> variables, CancellationToken cancellationToken)
    {
        // .env may hold the GitLab URL, token and project, so the connection reads the environment with it laid over.
        var effective = new Dictionary<string, string?>(request.Environment, StringComparer.Ordinal);
        foreach (var (key, value) in variables)
        {
            effective[key] = value;
        }

        var connection = GitLabConnection.FromEnvironment(effective, request.GitLabUrl, request.GitLabProject);
        using var client = new GitLabClient(connection, secrets, log, request.GitLabOptions);
        var loaded = await client.LoadVariablesAsync(request.EnvironmentName, request.SecretFilesDirectory, cancellationToken);
        var fromGitLab = new List<string>();
        foreach (var (key, value) in loaded.Values)
        {
            if (IsSet(effective, key))
            {
                log.Debug($"{key}: the local value is kept over the GitLab variable");
                continue;
            }

            variables[key] = value;
            fromGitLab.Add(key);
        }

        var scope = request.EnvironmentName is null ? "unscoped" : $"for environment {request.EnvironmentName}";
        log.Info($"Loaded {fromGitLab.Count} CI/CD variable(s) from GitLab project {connection.Project} ({scope})");
        var unreadable = loaded.Unreadable.Where(key => !IsSet(effective, key)).ToList();
        if (unreadable.Count > 0)
        {
            log.Warning(UnreadableMessage(unreadable, connection.Project));
        }

        return (fromGitLab, unreadable);
    }

    // Hidden values reach only a job's runner, so a local run needs its own copy; an empty stand-in would fail later, and obscurely.
    private static string UnreadableMessage(List<string> keys, string project) =>
        $"Could not read {keys.Count} CI/CD variable(s) of GitLab project {project}: {string.Join(", ", keys)}. "
        + "They are \"masked and hidden\", so GitLab's API never returns their values, and they are not set here. "
        + "Set each in .env or the environment to run locally (from wherever the value is kept: GitLab cannot show it), "
        + "or run the target in a pipeline, where the runner receives them.";

    // Tokens a person exported before the build started are as secret as the ones it loads.
    private void RegisterSecretsAlreadySet(SensitiveInformationRequest request) =>
        SecretVariables.Register(secrets, request.Template, request.Environment);

    private static bool IsSet(IReadOnlyDictionary<string, string?> environment, string key) =>
        environment.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value);
}
