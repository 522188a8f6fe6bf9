using GitOps.Platform.GitLab;
using GitOps.TestDoubles.GitLab;
using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.GitLab;

/// <summary>Clients against a fake GitLab with short timings, so retries and give-ups happen in milliseconds.</summary>
internal static class GitLabTestClient
{
    public static readonly GitLabClientOptions FastOptions = new()
    {
        TotalTimeout = TimeSpan.FromSeconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(2),
        RetryDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromMilliseconds(20),
    };

    public static GitLabClient Create(
        FakeGitLab fake,
        SecretMasker? masker = null,
        ILog? log = null,
        GitLabClientOptions? options = null,
        string? token = null,
        GitLabTokenKind kind = GitLabTokenKind.PrivateToken,
        string project = "42",
        string? triggerToken = null) =>
        new(
            new GitLabConnection(fake.ApiUrl, token ?? fake.MaintainerToken, kind, project) { TriggerToken = triggerToken },
            masker ?? new SecretMasker(),
            log,
            options ?? FastOptions);
}
