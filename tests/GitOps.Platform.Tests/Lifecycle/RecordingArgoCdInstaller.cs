using GitOps.Platform.Lifecycle;
using GitOps.TestDoubles.Kubernetes;

namespace GitOps.Platform.Tests.Lifecycle;

/// <summary>Stands in for helm (no real cluster here): remembers what it was asked to install, on the cluster's timeline.</summary>
internal sealed class RecordingArgoCdInstaller(CallLog timeline) : IArgoCdInstaller
{
    private readonly List<(ArgoCdChart Chart, string Kubeconfig, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Annotations)> installs = [];

    public IReadOnlyList<(ArgoCdChart Chart, string Kubeconfig, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Annotations)> Installs => installs;

    /// <summary>The kubeconfig helm was given, as it was while helm ran: its mode and content.</summary>
    public List<(UnixFileMode Mode, string Content)> KubeconfigsSeen { get; } = [];

    public Task InstallAsync(ArgoCdChart chart, string kubeconfigPath, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> serviceAccountAnnotations, CancellationToken cancellationToken)
    {
        installs.Add((chart, kubeconfigPath, serviceAccountAnnotations));
        KubeconfigsSeen.Add((OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(kubeconfigPath), File.ReadAllText(kubeconfigPath)));
        timeline.Record("external", "helm-install", chart.ReleaseName, chart.Namespace, detail: chart.Version);
        return Task.CompletedTask;
    }
}
