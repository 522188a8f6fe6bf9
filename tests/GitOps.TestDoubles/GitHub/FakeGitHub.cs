using System.Text.Json;
using GitOps.TestDoubles.GitLab;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GitOps.TestDoubles.GitHub;

/// <summary>
/// The pull-request endpoints of a GitHub Enterprise API (<c>/api/v3/repos/{owner}/{repo}/pulls</c>) on loopback,
/// enough for Octokit: list with state/head/base filters, create (422 when one is already open), update.
/// Give Octokit <see cref="Root"/> as the Enterprise URL.
/// </summary>
public sealed partial class FakeGitHub : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<FakePullRequest> pullRequests = [];
    private readonly List<RecordedRequest> requests = [];
    private int staleListings;
    private int failuresAfterProcessing;
    private WebApplication? app;

    public Uri Root { get; private set; } = null!;

    public string Token { get; } = "ghp_fakeGitHubToken4Tz9";

    public string Owner { get; } = "platform";

    public string Repository { get; } = "gitops";

    public IReadOnlyList<FakePullRequest> PullRequests => Locked(() => pullRequests.ToList());

    public IReadOnlyList<RecordedRequest> Requests => Locked(() => requests.ToList());

    public static async Task<FakeGitHub> StartAsync()
    {
        var fake = new FakeGitHub();
        (fake.app, fake.Root) = await LoopbackHost.StartAsync(fake.HandleAsync);
        return fake;
    }

    public FakePullRequest AddPullRequest(string head, string @base, string title, string state = "open") => Locked(() =>
    {
        var pullRequest = new FakePullRequest(pullRequests.Count + 1, head, @base, title, string.Empty, state);
        pullRequests.Add(pullRequest);
        return pullRequest;
    });

    /// <summary>The next <paramref name="count"/> listings miss every pull request, as a lagging replica would.</summary>
    public void StaleListings(int count) => Locked(() => staleListings = count);

    /// <summary>The next <paramref name="count"/> creations take effect but answer 502.</summary>
    public void FailAfterProcessing(int count) => Locked(() => failuresAfterProcessing = count);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var path = raw.Split('?')[0];
        var body = await new StreamReader(http.Body).ReadToEndAsync(context.RequestAborted);
        Locked(() =>
        {
            requests.Add(new RecordedRequest(http.Method, path, raw.Contains('?', StringComparison.Ordinal) ? raw[(raw.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty,
                http.Headers.ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.ToString(), StringComparer.Ordinal), body));
            return 0;
        });
        var (status, payload) = Authorized(http) ? Route(http, path, body) : (401, Error("Bad credentials"));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(payload));
    }

    private bool Authorized(HttpRequest http)
    {
        // GitHub takes the scheme in any case; Octokit sends "Token <token>".
        var parts = http.Headers.Authorization.ToString().Split(' ', 2);
        return parts.Length == 2
            && (parts[0].Equals("token", StringComparison.OrdinalIgnoreCase) || parts[0].Equals("bearer", StringComparison.OrdinalIgnoreCase))
            && parts[1] == Token;
    }

    private static object Error(string message) =>
        new { message, documentation_url = "https://docs.github.com/rest" };

    private T Locked<T>(Func<T> action)
    {
        lock (gate)
        {
            return action();
        }
    }
}
