using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GitOps.Platform.Terraform;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Terraform;

/// <summary>
/// --timeout bounds terraform init: real terraform with an http state backend on loopback that accepts the connection
/// and never answers (a GCS endpoint behind a dead proxy, say). Unbounded, init waits there for good; terraform even
/// outlives a SIGTERM in that state. Bounded, it is killed with its child processes and the failure is one line.
/// </summary>
public sealed class TerraformRequestTimeoutTests : IDisposable
{
    private readonly TerraformTestModule module = new();

    [Fact]
    public async Task Init_against_a_backend_that_never_answers_stops_at_the_timeout_with_one_line()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<Socket>();
        var accepting = AcceptForeverAsync(listener, accepted);
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        File.WriteAllText(Path.Combine(module.ModuleDirectory, "main.tf"), "terraform {\n  backend \"http\" {}\n}\n");
        var settings = module.Settings with { RequestTimeout = TimeSpan.FromSeconds(3) };
        var terraform = new TerraformDriver(module.Runner, module.Masker, module.Log, module.ModuleDirectory, Path.Combine(module.Root, "data"), settings);
        var clock = Stopwatch.StartNew();

        var failure = await Should.ThrowAsync<ToolFailedException>(
            () => terraform.InitAsync(new Dictionary<string, string> { ["address"] = $"http://127.0.0.1:{port}/state" }, reconfigure: false, CancellationToken.None)
                .WaitAsync(TimeSpan.FromMinutes(2)));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        failure.Message.ShouldStartWith("terraform init in ");
        failure.Message.ShouldContain(" did not finish within 3s (--timeout) and was stopped with its child processes;");
        failure.Message.ShouldNotContain("\n");
        lock (accepted)
        {
            accepted.ShouldNotBeEmpty("terraform never reached the backend, so this did not test the timeout");
        }

        // Killed, not left behind: no terraform process is still connected to the backend.
        Process.GetProcessesByName("terraform").Where(process => CommandLine(process).Contains($"127.0.0.1:{port}", StringComparison.Ordinal)).ShouldBeEmpty();
        listener.Stop();
        await Should.ThrowAsync<Exception>(() => accepting);
    }

    public void Dispose() => module.Dispose();

    private static async Task AcceptForeverAsync(TcpListener listener, List<Socket> accepted)
    {
        while (true)
        {
            var socket = await listener.AcceptSocketAsync();
            lock (accepted)
            {
                accepted.Add(socket);
            }
        }
    }

    private static string CommandLine(Process process)
    {
        try
        {
            return File.ReadAllText($"/proc/{process.Id}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
