using System.Diagnostics;
using System.Globalization;
using GitOps.Platform.ArgoCd;
using GitOps.Platform.Kubernetes;
using GitOps.Targets.Output;

namespace GitOps.TestDoubles.Kubernetes;

/// <summary>
/// Measures how long DeployAppOfApps takes to notice success: the delay between the simulated controller's last
/// Synced/Healthy write and <see cref="AppOfAppsDeployer.DeployAsync(string, TimeSpan, CancellationToken)"/> returning, over real HTTP to the fake
/// API server. Each run uses a fresh server, controller and client.
/// </summary>
public static class ArgoCdWaitBenchmark
{
    public static async Task<ArgoCdWaitBenchmarkResult> MeasureAsync(int runs, TextWriter? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var directory = Directory.CreateTempSubdirectory("gitops-argocd-benchmark-").FullName;
        try
        {
            var delays = new List<TimeSpan>();
            for (var run = 1; run <= runs; run++)
            {
                var delay = await MeasureOnceAsync(Path.Combine(directory, run.ToString(CultureInfo.InvariantCulture)));
                delays.Add(delay);
                progress?.WriteLine($"run {run}: {delay.TotalMilliseconds:F1} ms");
            }

            return new ArgoCdWaitBenchmarkResult(delays);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<TimeSpan> MeasureOnceAsync(string directory)
    {
        await using var server = await FakeKubeApiServer.StartAsync();
        await using var controller = SimulatedArgoCdController.Start(server, new ArgoScenario { SyncDelay = TimeSpan.FromMilliseconds(300) });
        using var client = KubernetesClientFactory.FromKubeconfig(server.WriteKubeconfig(directory));
        var manifest = Path.Combine(directory, "app-of-apps-bench.yaml");
        await File.WriteAllTextAsync(manifest, """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: app-of-apps-bench
            spec:
              project: default
              source:
                repoURL: https://gitlab.example.com/platform/gitops.git
                path: charts/app-of-apps
                targetRevision: main
              destination:
                server: https://kubernetes.default.svc
                namespace: argocd
            """);
        var settled = controller.SyncSettled;
        await new AppOfAppsDeployer(client, NullLog.Instance).DeployAsync(manifest, TimeSpan.FromMinutes(1));
        var returned = Stopwatch.GetTimestamp();
        return Stopwatch.GetElapsedTime(await settled, returned);
    }
}
