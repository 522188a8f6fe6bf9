using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// --timeout bounds GitLab too (issue 13 item 6): GitLab calls used 30 s per attempt and 2 minutes in all whatever it
/// said. A loopback GitLab that accepts connections and never answers must not hold the target past the timeout.
/// </summary>
[Collection(SharedClone.Name)]
public sealed class GitLabTimeoutTests(FreshClone clone)
{
    [Fact]
    public async Task A_gitlab_that_never_answers_fails_the_target_within_the_timeout()
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
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var environment = new Dictionary<string, string?>
        {
            ["CI_API_V4_URL"] = $"http://127.0.0.1:{port}/api/v4",
            ["GITLAB_TOKEN"] = "canary-gitlab-timeout-token",
            ["CI_PROJECT_ID"] = "42",
        };

        // Compiled before the clock starts: the first test of the clone pays for it.
        // The compile may take minutes on a loaded machine; it is not what is measured.
        ProcessResult.Run(Path.Combine(clone.Root, "build.sh"), ["--help", "--no-logo"], clone.Root, new Dictionary<string, string?>(), TimeSpan.FromMinutes(15)).ExitCode.ShouldBe(0);
        var clock = Stopwatch.StartNew();
        var result = ProcessResult.Run(Path.Combine(clone.Root, "build.sh"), ["PrepareSensitiveInformation", "--timeout", "3s"], clone.Root, environment, TimeSpan.FromMinutes(4));
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

        result.ExitCode.ShouldBe(1, result.Output + result.Error);
        result.Output.ShouldContain("PrepareSensitiveInformation failed: GitLab GET /projects/42/variables: gave up after ");
        result.Output.ShouldContain("attempt(s), when the time --timeout allows was up; last: no answer");
        (result.Output + result.Error).ShouldNotContain("canary-gitlab-timeout-token");
        // Generous for a loaded machine: without the bound one request alone took 120 s (4 attempts of 30 s).
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), result.Output);
    }
}
