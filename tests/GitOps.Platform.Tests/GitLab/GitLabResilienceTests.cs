using System.Globalization;
using GitOps.Platform.GitLab;
using GitOps.TestDoubles.GitLab;
using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.GitLab;

public sealed class GitLabResilienceTests
{
    [Fact]
    public async Task Throttling_waits_as_long_as_retry_after_says_in_seconds()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddVariable(new FakeVariable("A", "alpha-value"));
        fake.Faults.Throttle(1, "1");
        var log = new RecordingLog(new SecretMasker());
        using var client = GitLabTestClient.Create(fake, log: log);

        var variables = await client.ListVariablesAsync(CancellationToken.None);

        variables.ShouldHaveSingleItem();
        log.Lines.ShouldContain("Warning: GitLab GET /projects/42/variables: 429 Too Many Requests (Retry-After 1s); retry 1 in 1s");
    }

    [Fact]
    public async Task Throttling_honours_retry_after_given_as_an_http_date()
    {
        await using var fake = await FakeGitLab.StartAsync();
        // Four seconds ahead: a loaded CI machine can take a second or two between this line and the request, and the
        // date loses its fraction of a second; the wait must still be left when the client reads the header.
        fake.Faults.Throttle(1, DateTimeOffset.UtcNow.AddSeconds(4).ToString("r", CultureInfo.InvariantCulture));
        var log = new RecordingLog(new SecretMasker());
        using var client = GitLabTestClient.Create(fake, log: log);

        await client.FindOpenMergeRequestAsync("a", "b", CancellationToken.None);

        // The date has whole seconds, so the wait is somewhere in (0, 4] seconds: what matters is that it is not our backoff.
        var line = log.Lines.ShouldHaveSingleItem();
        line.ShouldStartWith("Warning: GitLab GET /projects/42/merge_requests: 429 Too Many Requests (Retry-After ");
        var seconds = double.Parse(line[(line.LastIndexOf(" in ", StringComparison.Ordinal) + 4)..^1], CultureInfo.InvariantCulture);
        seconds.ShouldBeGreaterThan(0.02);
    }

    [Fact]
    public async Task A_burst_of_server_errors_on_a_read_is_survived()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddVariable(new FakeVariable("A", "alpha-value"));
        fake.Faults.Fail(2, 502);
        fake.Faults.Fail(2, 500);
        fake.Faults.Fail(1, 504);
        using var client = GitLabTestClient.Create(fake);

        var variables = await client.ListVariablesAsync(CancellationToken.None);

        variables.ShouldHaveSingleItem();
        fake.Requests.Count.ShouldBe(6);
    }

    [Fact]
    public async Task A_read_with_no_answer_in_time_is_tried_again()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Faults.Delay(1, TimeSpan.FromSeconds(60));
        // Generous: an answer that comes at all comes well within 3 s even on a loaded machine, and the one that never
        // comes (60 s) is far beyond it, so exactly one retry is the only outcome of working code.
        using var client = GitLabTestClient.Create(
            fake, options: GitLabTestClient.FastOptions with { AttemptTimeout = TimeSpan.FromSeconds(3), TotalTimeout = TimeSpan.FromSeconds(30) });

        var found = await client.FindOpenMergeRequestAsync("a", "b", CancellationToken.None);

        found.ShouldBeNull();
        fake.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Giving_up_after_the_total_time_says_so_with_the_last_problem()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Faults.Fail(100_000, 503);
        // 3 s leaves even a slow first attempt time to get its 503, so the last problem is always GitLab's answer.
        using var client = GitLabTestClient.Create(
            fake, options: GitLabTestClient.FastOptions with { TotalTimeout = TimeSpan.FromSeconds(3), MaxRetries = int.MaxValue });

        var error = await Should.ThrowAsync<GitLabApiException>(() => client.ListVariablesAsync(CancellationToken.None));

        error.Message.ShouldBe($"GitLab GET /projects/42/variables: gave up after 3s and {fake.Requests.Count} attempt(s); last: 503 Service Unavailable");
        fake.Requests.Count.ShouldBeGreaterThan(1, "it retried until the total time was up");
        error.StatusCode.ShouldBe(System.Net.HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Giving_up_after_the_retry_count_names_the_last_answer()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.Faults.Fail(100, 500);
        using var client = GitLabTestClient.Create(fake, options: GitLabTestClient.FastOptions with { MaxRetries = 2 });

        var error = await Should.ThrowAsync<GitLabApiException>(() => client.ListVariablesAsync(CancellationToken.None));

        error.Message.ShouldBe(
            "GitLab GET /projects/42/variables: 500 Internal Server Error - 500 Internal Server Error (gave up after 3 attempts)");
        fake.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_and_then_reported_with_the_host()
    {
        var port = await FreePortAsync();
        var connection = new GitLabConnection(new Uri($"http://127.0.0.1:{port}/api/v4"), "glpat-unused-token", GitLabTokenKind.PrivateToken, "42");
        using var client = new GitLabClient(
            connection, new SecretMasker(), options: GitLabTestClient.FastOptions with { MaxRetries = 2 });

        var error = await Should.ThrowAsync<GitLabApiException>(() => client.ListVariablesAsync(CancellationToken.None));

        error.Message.ShouldBe($"GitLab GET /projects/42/variables: cannot connect to 127.0.0.1:{port} (gave up after 3 attempts)");
    }

    private static async Task<int> FreePortAsync()
    {
        await using var fake = await FakeGitLab.StartAsync();
        return fake.ApiUrl.Port;
    }
}
