using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GitOps.Platform.ChangeRequests;
using GitOps.Platform.GitHub;
using GitOps.Platform.GitLab;
using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.GitHub;

/// <summary>
/// --timeout bounds GitHub as it bounds GitLab (issue 13 item 6): Octokit waited 100 s per request whatever it said, and
/// its timeout then escaped as a cancellation, reported as a bug in the build.
/// </summary>
public sealed class GitHubTimeoutTests
{
    [Fact]
    public async Task A_github_that_never_answers_fails_within_the_timeout_in_one_line()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<TcpClient>();
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                held.Add(await silent.AcceptTcpClientAsync(stop.Token));
            }
        });
        var settings = new ChangeRequestHostSettings
        {
            GitHubToken = "canary-github-timeout-token",
            GitHubApiUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/"),
            GitHubHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "github.example" },
        };
        var masker = new SecretMasker();
        using var host = new ChangeRequestHostFactory(settings, masker).Create("https://github.example/platform/gitops.git", GitLabClientOptions.Default.Within(TimeSpan.FromSeconds(2)));

        var clock = Stopwatch.StartNew();
        var error = await Should.ThrowAsync<GitHubApiException>(() => host.CheckAccessAsync(CancellationToken.None));
        clock.Stop();
        await stop.CancelAsync();
        silent.Stop();
        try
        {
            await accepting;
        }
        catch (Exception stopped) when (stopped is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener was stopped on purpose.
        }

        held.ForEach(client => client.Dispose());
        // What is left of the 2 s when the client is made, rounded: 2s, or a little less on a loaded machine.
        error.Message.ShouldMatch(@"^GitHub GET /repos/platform/gitops/: no answer within (2|1\.\d)s$");
        error.Message.ShouldNotContain("canary");
        // Generous for a loaded machine: without the bound it took 100 s.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(40));
    }
}
