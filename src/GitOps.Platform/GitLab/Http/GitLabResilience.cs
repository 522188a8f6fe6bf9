using System.Globalization;
using GitOps.Targets.Output;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GitOps.Platform.GitLab.Http;

/// <summary>
/// The retry policy: everything is bounded by the total timeout; throttling waits as long as GitLab's Retry-After says,
/// other transient failures back off exponentially with jitter. Whether an attempt may be repeated at all is decided
/// where it failed (see <see cref="GitLabTransport"/>): only those arrive here as <see cref="GitLabTransientException"/>.
/// </summary>
internal static class GitLabResilience
{
    public static ResiliencePipeline Build(GitLabClientOptions options, ILog log) =>
        new ResiliencePipelineBuilder()
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout })
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<GitLabTransientException>(),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                DelayGenerator = arguments => ValueTask.FromResult(
                    arguments.Outcome.Exception is GitLabTransientException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
                OnRetry = arguments =>
                {
                    var seconds = arguments.RetryDelay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                    log.Warning($"{arguments.Outcome.Exception?.Message}; retry {arguments.AttemptNumber + 1} in {seconds}s");
                    return default;
                },
            })
            .Build();
}
