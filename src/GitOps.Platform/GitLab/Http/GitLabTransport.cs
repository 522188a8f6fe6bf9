using System.Globalization;
using System.Net;
using GitOps.Targets.Output;
using Polly;
using Polly.Timeout;

namespace GitOps.Platform.GitLab.Http;

/// <summary>
/// Sends requests with authentication, resilience and GitLab-shaped errors. A non-idempotent request that may have
/// taken effect (5xx, no answer, connection lost after sending) is repeated only when the caller gave a way to look
/// for its effect first; then the effect found is returned instead of creating a second one.
/// </summary>
internal sealed class GitLabTransport(HttpClient http, GitLabConnection connection, GitLabClientOptions options, ILog log)
{
    private readonly ResiliencePipeline pipeline = GitLabResilience.Build(options, log);

    public GitLabConnection Connection => connection;

    public GitLabClientOptions Options => options;

    public async Task<T> SendAsync<T>(
        GitLabRequest request,
        Func<HttpResponseMessage, CancellationToken, Task<T>> read,
        Func<CancellationToken, Task<T?>>? lookForEffect,
        CancellationToken cancellationToken)
        where T : class
    {
        RequireTokenAllowed(request);
        var history = new AttemptHistory();
        // The deadline (--timeout) bounds the whole request, retries, waits and each attempt included.
        var left = options.Deadline is { } deadline ? deadline - DateTimeOffset.UtcNow : Timeout.InfiniteTimeSpan;
        if (options.Deadline is not null && left <= TimeSpan.Zero)
        {
            throw new GitLabApiException($"{request.Describe()}: not sent; the time --timeout allows is used up");
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(left);
        try
        {
            return await pipeline.ExecuteAsync(
                async token => await AttemptAsync(request, read, lookForEffect, history, token), bounded.Token);
        }
        catch (TimeoutRejectedException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw GaveUp(request, options.TotalTimeout, string.Empty, history, exception);
        }
        catch (OperationCanceledException exception) when (bounded.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw GaveUp(request, left, ", when the time --timeout allows was up", history, exception);
        }
        catch (GitLabTransientException exception)
        {
            throw new GitLabApiException($"{exception.Message} (gave up after {history.Attempts} attempts)", exception)
            {
                StatusCode = exception.StatusCode,
                GitLabMessage = exception.GitLabMessage,
            };
        }
    }

    private static GitLabApiException GaveUp(GitLabRequest request, TimeSpan after, string why, AttemptHistory history, Exception exception)
    {
        var seconds = Math.Round(after.TotalSeconds, 1).ToString("0.#", CultureInfo.InvariantCulture);
        return new GitLabApiException(
            $"{request.Describe()}: gave up after {seconds}s and {history.Attempts} attempt(s){why}; last: {history.LastProblem ?? "no answer"}",
            exception) { StatusCode = history.LastStatus };
    }

    private async Task<T> AttemptAsync<T>(
        GitLabRequest request,
        Func<HttpResponseMessage, CancellationToken, Task<T>> read,
        Func<CancellationToken, Task<T?>>? lookForEffect,
        AttemptHistory history,
        CancellationToken cancellationToken)
        where T : class
    {
        if (history.MayHaveTakenEffect && lookForEffect is not null && await lookForEffect(cancellationToken) is { } found)
        {
            log.Info($"{request.Describe()}: an earlier attempt took effect after all; using its result");
            return found;
        }

        history.Attempts++;
        var repeatable = request.Idempotent || lookForEffect is not null;
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.AttemptTimeout);
        try
        {
            using var message = request.ToMessage(connection);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            if (response.IsSuccessStatusCode)
            {
                return await read(response, attempt.Token);
            }

            throw await FailureAsync(request, response, repeatable, history, attempt.Token);
        }
        catch (OperationCanceledException exception)
            when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var seconds = options.AttemptTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            throw Ambiguous(request, $"no answer within {seconds}s", null, null, repeatable, history, exception);
        }
        catch (HttpRequestException exception) when (NeverSent(exception))
        {
            history.LastProblem = $"cannot connect to {connection.ApiUrl.Authority}";
            throw new GitLabTransientException($"{request.Describe()}: {history.LastProblem}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw Ambiguous(request, "connection lost", null, null, repeatable, history, exception);
        }
    }

    private async Task<Exception> FailureAsync(
        GitLabRequest request, HttpResponseMessage response, bool repeatable, AttemptHistory history, CancellationToken token)
    {
        var status = response.StatusCode;
        var gitLabMessage = await GitLabErrorBody.ReadMessageAsync(response, token);
        var statusText = $"{(int)status} {response.ReasonPhrase ?? status.ToString()}";
        if (status == HttpStatusCode.TooManyRequests)
        {
            // GitLab refused a throttled request before processing it, so even a POST is safe to send again.
            var wait = RetryAfter.From(response.Headers, DateTimeOffset.UtcNow);
            history.LastProblem = wait is { } after
                ? $"{statusText} (Retry-After {after.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s)"
                : statusText;
            history.LastStatus = status;
            return new GitLabTransientException($"{request.Describe()}: {history.LastProblem}")
            {
                StatusCode = status,
                RetryAfter = wait,
            };
        }

        if ((int)status >= 500 || status == HttpStatusCode.RequestTimeout)
        {
            return Ambiguous(request, statusText, status, gitLabMessage, repeatable, history, null);
        }

        return GitLabFailure.From(request, status, statusText, gitLabMessage);
    }

    private Exception Ambiguous(
        GitLabRequest request,
        string problem,
        HttpStatusCode? status,
        string? gitLabMessage,
        bool repeatable,
        AttemptHistory history,
        Exception? inner)
    {
        history.LastProblem = gitLabMessage is null ? problem : $"{problem} - {gitLabMessage}";
        history.LastStatus = status;
        history.MayHaveTakenEffect |= !request.Idempotent;
        var message = $"{request.Describe()}: {history.LastProblem}";
        if (!repeatable)
        {
            log.Debug($"{message}; not repeated because GitLab may have acted on it");
            return new GitLabApiException($"{message}; not repeated because GitLab may have acted on it", inner!)
            {
                StatusCode = status,
                GitLabMessage = gitLabMessage,
            };
        }

        return inner is null
            ? new GitLabTransientException(message) { StatusCode = status, GitLabMessage = gitLabMessage }
            : new GitLabTransientException(message, inner) { StatusCode = status, GitLabMessage = gitLabMessage };
    }

    // A connection that was never established cannot have delivered the request.
    private static bool NeverSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError;

    private void RequireTokenAllowed(GitLabRequest request)
    {
        if (connection.TokenKind == GitLabTokenKind.JobToken && !request.JobTokenAllowed)
        {
            throw new GitLabConfigurationException(
                $"{request.Describe()}: GitLab does not accept a CI_JOB_TOKEN here; set GITLAB_TOKEN (an access token with the api scope)");
        }
    }
}
