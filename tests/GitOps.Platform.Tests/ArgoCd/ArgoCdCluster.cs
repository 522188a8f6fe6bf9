using GitOps.Platform.Kubernetes;
using GitOps.TestDoubles.Kubernetes;
using k8s;

namespace GitOps.Platform.Tests.ArgoCd;

/// <summary>
/// One test's management cluster: the fake API server, the simulated Argo CD controller, a KubernetesClient built
/// from a kubeconfig pointing at the fake, and a scratch directory for manifests.
/// </summary>
internal sealed class ArgoCdCluster : IAsyncDisposable
{
    public const string Parent = "app-of-apps-dev";

    private ArgoCdCluster(FakeKubeApiServer server, SimulatedArgoCdController controller, string directory)
    {
        Server = server;
        Controller = controller;
        Directory = directory;
        Client = KubernetesClientFactory.FromKubeconfig(server.WriteKubeconfig(directory));
    }

    public FakeKubeApiServer Server { get; }

    public SimulatedArgoCdController Controller { get; }

    public IKubernetes Client { get; }

    public string Directory { get; }

    public RecordingLog Log { get; } = new();

    public IReadOnlyList<KubeCall> Calls => Server.Calls.All;

    public static async Task<ArgoCdCluster> StartAsync(ArgoScenario? scenario = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "gitops-argocd-tests", Guid.NewGuid().ToString("N"));
        var server = await FakeKubeApiServer.StartAsync();
        return new ArgoCdCluster(server, SimulatedArgoCdController.Start(server, scenario), directory);
    }

    /// <summary>Writes the stage's parent Application, as environments/app-of-apps-dev.yaml would hold it.</summary>
    public string WriteParentManifest(string name = Parent)
    {
        var path = Path.Combine(Directory, $"{name}.yaml");
        File.WriteAllText(path, $"""
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: {name}
              namespace: argocd
              finalizers:
                - resources-finalizer.argocd.argoproj.io
            spec:
              project: dev
              source:
                repoURL: https://gitlab.example.com/platform/gitops.git
                path: charts/app-of-apps
                targetRevision: main
                helm:
                  valueFiles:
                    - values-dev-gcp.yaml
              destination:
                server: https://kubernetes.default.svc
                namespace: argocd
              syncPolicy:
                automated:
                  prune: true
                  selfHeal: true
            """);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Controller.DisposeAsync();
        await Server.DisposeAsync();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
