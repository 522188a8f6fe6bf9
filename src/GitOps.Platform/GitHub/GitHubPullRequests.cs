using System.Net;
using GitOps.Platform.ChangeRequests;
using GitOps.Targets.Output;
using Octokit;

namespace GitOps.Platform.GitHub;

/// <summary>
/// Promotion pull requests on GitHub (or GitHub Enterprise) through Octokit: an open pull request for the same head and
/// base is updated, never duplicated, also when GitHub answers "already exists" or a create may have succeeded.
/// Code-owner approval is GitHub's branch protection ("Require review from Code Owners"); a pull request opened here is
/// never set to auto-merge, so <see cref="ChangeRequestDraft.RequiresCodeOwnerApproval"/> needs nothing more.
/// </summary>
public sealed class GitHubPullRequests : IChangeRequestHost
{
    private readonly GitHubClient client;
    private readonly GitHubConnection connection;
    private readonly ILog log;

    private readonly TimeSpan? requestTimeout;

    /// <param name="connection">Where and as whom.</param>
    /// <param name="secrets">The token is registered here.</param>
    /// <param name="log">Progress lines.</param>
    /// <param name="requestTimeout">The longest one request may take (--timeout); Octokit's 100 s when null.</param>
    public GitHubPullRequests(GitHubConnection connection, ISecretRegistry secrets, ILog? log = null, TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(secrets);
        secrets.Register(connection.Token);
        this.connection = connection;
        this.log = log ?? NullLog.Instance;
        client = new GitHubClient(new ProductHeaderValue("gitops-build"), connection.ApiUrl)
        {
            Credentials = new Credentials(connection.Token),
        };
        if (requestTimeout is { } timeout)
        {
            this.requestTimeout = timeout;
            client.SetRequestTimeout(timeout);
        }
    }

    /// <summary>The repository must be visible to the token, which must be allowed to push (GitHub's permissions.push).</summary>
    public async Task CheckAccessAsync(CancellationToken cancellationToken)
    {
        var repository = await Call("GET", string.Empty, () => client.Repository.Get(connection.Owner, connection.Repository));
        if (repository.Permissions is { Push: false })
        {
            throw new GitHubApiException(
                $"GITHUB_TOKEN may not push to {connection.Owner}/{connection.Repository}; the promotion branch and its pull request need write access. Nothing was pushed.");
        }
    }

    public async Task<ChangeRequest> OpenOrUpdateAsync(ChangeRequestDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (await FindOpenAsync(draft) is { } existing)
        {
            return await UpdateAsync(existing, draft);
        }

        try
        {
            var created = await Call("POST", "pulls", () => client.PullRequest.Create(
                connection.Owner, connection.Repository, new NewPullRequest(draft.Title, draft.SourceBranch, draft.TargetBranch) { Body = draft.Description }));
            log.Info($"Opened pull request #{created.Number} ({draft.SourceBranch} -> {draft.TargetBranch})");
            return new ChangeRequest(created.Number, created.HtmlUrl, Created: true);
        }
        catch (GitHubApiException exception) when (MayExist(exception))
        {
            // "A pull request already exists", or a create whose answer was lost: the one that is open gets updated.
            var open = await FindOpenAsync(draft);
            if (open is null)
            {
                throw;
            }

            log.Debug($"{exception.Message}; pull request #{open.Number} is open, updating it");
            return await UpdateAsync(open, draft);
        }
    }

    public async Task<PullRequest?> FindOpenAsync(ChangeRequestDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var request = new PullRequestRequest
        {
            State = ItemStateFilter.Open,
            Head = $"{connection.Owner}:{draft.SourceBranch}",
            Base = draft.TargetBranch,
        };
        var open = await Call("GET", "pulls", () => client.PullRequest.GetAllForRepository(connection.Owner, connection.Repository, request));
        return open.FirstOrDefault(pull => pull.Head?.Ref == draft.SourceBranch && pull.Base?.Ref == draft.TargetBranch);
    }

    public void Dispose()
    {
        // Octokit's client holds nothing that needs releasing; disposal exists for the GitLab side of the interface.
    }

    private async Task<ChangeRequest> UpdateAsync(PullRequest existing, ChangeRequestDraft draft)
    {
        var updated = await Call("PATCH", $"pulls/{existing.Number}", () => client.PullRequest.Update(
            connection.Owner, connection.Repository, existing.Number, new PullRequestUpdate { Title = draft.Title, Body = draft.Description }));
        log.Info($"Updated pull request #{updated.Number} ({draft.SourceBranch} -> {draft.TargetBranch})");
        return new ChangeRequest(updated.Number, updated.HtmlUrl, Created: false);
    }

    private static bool MayExist(GitHubApiException exception) =>
        exception.StatusCode is HttpStatusCode.UnprocessableEntity or null || (int)exception.StatusCode >= 500;

    private async Task<T> Call<T>(string method, string resource, Func<Task<T>> call)
    {
        var described = $"GitHub {method} /repos/{connection.Owner}/{connection.Repository}/{resource}";
        try
        {
            return await call();
        }
        catch (ApiException exception)
        {
            var details = exception.ApiError?.Errors?.Select(error => error.Message).Where(message => !string.IsNullOrEmpty(message)) ?? [];
            var message = string.Join("; ", details.Prepend(exception.ApiError?.Message ?? exception.Message).Distinct());
            throw new GitHubApiException($"{described}: {(int)exception.StatusCode} {message}", exception) { StatusCode = exception.StatusCode };
        }
        catch (HttpRequestException exception)
        {
            throw new GitHubApiException($"{described}: no answer ({exception.Message})", exception);
        }
        catch (OperationCanceledException exception)
        {
            // Octokit's calls take no token of ours: a cancellation is its request timeout firing.
            var seconds = Math.Round((requestTimeout ?? TimeSpan.FromSeconds(100)).TotalSeconds, 1).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
            throw new GitHubApiException($"{described}: no answer within {seconds}s", exception);
        }
    }
}
