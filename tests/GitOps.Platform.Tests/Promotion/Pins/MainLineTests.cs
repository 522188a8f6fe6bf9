using System.Net;
using System.Net.Sockets;
using GitOps.Platform.Promotion.Pins;
using GitOps.Platform.Tests.Git;

namespace GitOps.Platform.Tests.Promotion.Pins;

public sealed class MainLineTests : IDisposable
{
    private readonly GitSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task An_origin_that_accepts_and_never_answers_falls_back_to_main_as_last_fetched_with_a_note()
    {
        await sandbox.InitializeAsync(new Dictionary<string, string> { ["a.txt"] = "a\n" });
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await sandbox.Git.RunAsync(["remote", "set-url", "origin", $"http://127.0.0.1:{port}/group/project.git"], CancellationToken.None);

        var main = await new MainLine(sandbox.Git, fetchTimeout: TimeSpan.FromSeconds(2)).ReferenceAsync(CancellationToken.None);

        main.ShouldNotBeNull();
        main.Note.ShouldNotBeNull();
        main.Note.ShouldContain("did not answer within 2 s");
    }
}
