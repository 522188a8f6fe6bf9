using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GitOps.Platform.Lifecycle;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Tests.Lifecycle;

/// <summary>--timeout bounds every request to the cluster, not only the wait: an API server that never answers.</summary>
public sealed class ClusterRequestTimeoutTests
{
    [Fact]
    public async Task A_deploy_against_an_api_server_that_accepts_and_never_answers_fails_within_the_timeout()
    {
        await using var world = await LifecycleWorld.StartAsync();
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new System.Collections.Concurrent.ConcurrentBag<Socket>();
        _ = Task.Run(async () =>
        {
            // Accepts every connection and reads nothing back: the request is sent, the answer never comes.
            while (true)
            {
                try
                {
                    accepted.Add(await silent.AcceptSocketAsync());
                }
                catch (Exception error) when (error is SocketException or ObjectDisposedException)
                {
                    return;
                }
            }
        });
        var kubeconfig = Path.Combine(world.Root, "silent-kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, File.ReadAllText(world.Server.WriteKubeconfig(Path.Combine(world.Root, "silent")))
            .Replace(world.Server.BaseAddress.ToString().TrimEnd('/'), $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}", StringComparison.Ordinal));
        var context = world.Context(kubeconfig);
        var bounded = new LifecycleContext
        {
            RepositoryRoot = context.RepositoryRoot,
            TemporaryDirectory = context.TemporaryDirectory,
            Tools = context.Tools,
            Secrets = context.Secrets,
            Log = context.Log,
            Environment = context.Environment,
            MgmtKubeconfig = kubeconfig,
            ClusterRequestTimeout = TimeSpan.FromSeconds(2),
            Clouds = context.Clouds,
        };
        var clock = Stopwatch.StartNew();

        var deploy = new EnvironmentLifecycle(bounded).DeployAppOfAppsAsync(LifecycleWorld.DevGcp, TimeSpan.FromSeconds(2), CancellationToken.None);
        // The client's own default is 100 s; 60 s leaves a loaded machine plenty of room and still fails that.
        var finished = await Task.WhenAny(deploy, Task.Delay(TimeSpan.FromSeconds(60)));

        finished.ShouldBe(deploy, $"DeployAppOfApps still waited after {clock.Elapsed.TotalSeconds:0}s for a server that never answers");
        var failure = await Should.ThrowAsync<BuildFailedException>(() => deploy);
        failure.Message.ShouldBe("A request to the cluster's API server got no answer within --timeout; check that the server is up and reachable, or give a longer --timeout");
        accepted.ShouldNotBeEmpty("the request must have reached the silent server");
        silent.Stop();
        foreach (var socket in accepted)
        {
            socket.Dispose();
        }
    }
}
