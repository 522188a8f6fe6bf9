namespace GitOps.Platform.Secrets;

/// <summary>
/// One documented variable in the report: whether it is set, where from (environment, .env, GitLab) and its value
/// as shown (<c>***</c> for secrets).
/// </summary>
public sealed record SecretsReportLine(string Key, string? Source, string Shown, bool Required, string Description)
{
    public bool IsSet => Source is not null;
}
