using GitOps.Targets.Output;

namespace GitOps.Platform.Secrets;

/// <summary>
/// Registers for masking the secret variables already in the environment when the build starts: those the template
/// marks [secret] and the tokens a GitLab runner provides. This runs for every target, in pipeline mode too, where
/// PrepareSensitiveInformation is skipped because the runner already exported everything.
/// </summary>
public static class SecretVariables
{
    /// <summary>Tokens GitLab runners and developers commonly export, secret whatever the template says.</summary>
    public static readonly IReadOnlyList<string> WellKnown =
        ["GITLAB_TOKEN", "CI_JOB_TOKEN", "GITLAB_TRIGGER_TOKEN", "GITHUB_TOKEN", "CI_REGISTRY_PASSWORD", "CI_DEPLOY_PASSWORD", "GOOGLE_CREDENTIALS"];

    public static void Register(ISecretRegistry secrets, EnvTemplate? template, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(environment);
        var keys = WellKnown.Concat(template?.Variables.Where(variable => variable.Secret).Select(variable => variable.Key) ?? []);
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            if (environment.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value))
            {
                secrets.Register(value);
            }
        }
    }
}
