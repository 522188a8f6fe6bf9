using System.Globalization;
using System.Net;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace GitOps.TestDoubles.Kubernetes;

/// <summary>
/// A Kubernetes API server on Kestrel (127.0.0.1, a free port, plain HTTP) that KubernetesClient talks real HTTP to:
/// get, list and watch (resourceVersion, labelSelector, 410 Gone), create, server-side apply, merge patch and delete with
/// finalizers, for Argo CD Applications/AppProjects and core Secrets/ConfigMaps/Namespaces. Every call is recorded in
/// <see cref="Calls"/>.
/// </summary>
public sealed partial class FakeKubeApiServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock watchGate = new();
    private CancellationTokenSource dropWatches = new();
    private bool dropAborts = true;

    private FakeKubeApiServer(WebApplication app, ObjectStore store)
    {
        this.app = app;
        Store = store;
    }

    public ObjectStore Store { get; }

    public CallLog Calls { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public static async Task<FakeKubeApiServer> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var server = new FakeKubeApiServer(builder.Build(), new ObjectStore { Clock = clock ?? TimeProvider.System });
        server.app.Run(server.HandleAsync);
        await server.app.StartAsync();
        server.BaseAddress = new Uri(server.app.Urls.Single());
        return server;
    }

    /// <summary>A client as the code under test would build it: from a kubeconfig file pointing here.</summary>
    public IKubernetes CreateClient(string directory) =>
        new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(WriteKubeconfig(directory)));

    /// <summary>Writes a kubeconfig (context "fake") for this server into the directory and returns its path.</summary>
    public string WriteKubeconfig(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {BaseAddress.ToString().TrimEnd('/')}
            contexts:
            - name: fake
              context:
                cluster: fake
                user: fake
            current-context: fake
            users:
            - name: fake
              user:
                token: fake-bearer-token
            """));
        return path;
    }

    /// <summary>How many Argo CD Applications exist right now (including ones marked for deletion).</summary>
    public int ApplicationCount(string @namespace = "argocd") => Store.Count(ResourceType.Application, @namespace);

    /// <summary>Ends every open watch stream: abruptly (connection reset) or cleanly (end of the chunked body).</summary>
    public void DropWatchConnections(bool abort = true)
    {
        lock (watchGate)
        {
            dropAborts = abort;
            var previous = dropWatches;
            dropWatches = new CancellationTokenSource();
            previous.Cancel();
            previous.Dispose();
        }

        Calls.Record("server", "drop-watches", "*", detail: abort ? "abort" : "end");
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
        dropWatches.Dispose();
    }
}
