using GitOps.Platform.ChangeRequests;
using GitOps.Platform.Git;
using GitOps.Platform.GitLab;
using GitOps.Platform.Helm;
using GitOps.Targets.Errors;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Promotion.Service;

/// <summary>What every promotion step needs from the build: the checkout, tools, masking, and the job's variables.</summary>
public sealed record PromotionContext
{
    public required string RepositoryRoot { get; init; }

    public required IToolRunner Tools { get; init; }

    public required ISecretRegistry Secrets { get; init; }

    public required ILog Log { get; init; }

    public required HelmCli Helm { get; init; }

    /// <summary>The environment, including what PrepareSensitiveInformation loaded (masked from the start).</summary>
    public required Func<IReadOnlyDictionary<string, string?>> Variables { get; init; }

    public bool IsPipeline { get; init; }

    public string? GitLabUrl { get; init; }

    public string? GitLabProject { get; init; }

    /// <summary>How long the GitLab calls of one step may take in all (--timeout); GitLab's client defaults when null.</summary>
    public TimeSpan? GitLabTimeout { get; init; }

    internal GitCli Git() => new(Tools, RepositoryRoot, Secrets);

    /// <summary>GitLab or GitHub, chosen from the host of the checkout's <c>origin</c>.</summary>
    internal async Task<IChangeRequestHost> ChangeRequestHostAsync(GitCli git, CancellationToken cancellationToken)
    {
        var remote = await git.RemoteUrlAsync("origin", cancellationToken)
            ?? throw new UsageException("this checkout has no git remote 'origin'; promotion pushes its branch there and opens the MR on its host");
        var settings = ChangeRequestHostSettings.FromEnvironment(Variables(), GitLabUrl, GitLabProject);
        // Counted from here: the e2e suite may have run for long before its record is published.
        var options = GitLabTimeout is { } timeout ? GitLabClientOptions.Default.Within(timeout) : null;
        return new ChangeRequestHostFactory(settings, Secrets, Log).Create(remote, options);
    }

    /// <summary>In a GitLab job the checkout's CI_JOB_TOKEN cannot push: push with GITLAB_TOKEN instead.</summary>
    internal PromotionGitSettings GitSettings()
    {
        var push = IsPipeline ? PipelinePushUrl.From(Variables()) : null;
        if (push is not null)
        {
            Secrets.Register(push);
        }

        // Inside the repository's own ignored temp folder, so a rerun finds (and removes) what a killed run left.
        return new PromotionGitSettings { PushRemote = push, WorktreeRoot = Path.Combine(RepositoryRoot, ".nuke", "temp", "promotion-worktrees") };
    }
}
