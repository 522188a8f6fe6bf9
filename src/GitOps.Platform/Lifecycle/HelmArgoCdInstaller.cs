using GitOps.Platform.Helm;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Lifecycle;

/// <summary>
/// <c>helm upgrade --install</c> of the pinned argo-cd chart with <c>--wait</c>, so the management cluster's Argo CD
/// is running before anything is applied to it. Idempotent: an unchanged release is upgraded to itself.
/// </summary>
/// <param name="runner">Runs helm.</param>
/// <param name="log">Where progress goes.</param>
/// <param name="locateHelm">Finds (or installs) helm; the build uses <see cref="HelmInstaller.EnsureAsync"/>.</param>
public sealed class HelmArgoCdInstaller(IToolRunner runner, ILog log, Func<CancellationToken, Task<string>> locateHelm) : IArgoCdInstaller
{
    /// <summary>A first install pulls every Argo CD image; helm's default of 5 minutes is too short on a fresh node pool.</summary>
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The installer the build uses: helm from PATH, or the pinned helm installed into <paramref name="toolsDirectory"/>.</summary>
    public static HelmArgoCdInstaller ForBuild(IToolRunner runner, ILog log, string toolsDirectory, bool inPipeline) =>
        new(runner, log, cancellationToken => HelmInstaller.EnsureAsync(toolsDirectory, runner, log, inPipeline, cancellationToken));

    /// <param name="chart">The pinned chart.</param>
    /// <param name="kubeconfigPath">The management cluster.</param>
    /// <param name="serviceAccountAnnotations">
    /// Per chart component (values &lt;component&gt;.serviceAccount, e.g. controller, server) the annotations of its service account.
    /// </param>
    public static IReadOnlyList<string> Arguments(
        ArgoCdChart chart, string kubeconfigPath, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? serviceAccountAnnotations = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var annotations = (serviceAccountAnnotations ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .SelectMany(component => component.Value.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(annotation => (Component: component.Key, annotation.Key, annotation.Value)))
            .ToArray();
        return
        [
            "upgrade", "--install", chart.ReleaseName, chart.Chart,
            "--repo", chart.Repository,
            "--version", chart.Version,
            "--namespace", chart.Namespace, "--create-namespace",
            "--values", chart.ValuesFile,
            .. annotations.SelectMany(annotation => new[]
            {
                "--set-string", $"{annotation.Component}.serviceAccount.annotations.{SetPathKey(annotation.Key)}={SetValue(annotation.Value)}",
            }),
            "--wait", "--timeout", $"{(int)WaitTimeout.TotalMinutes}m",
            "--kubeconfig", kubeconfigPath,
        ];
    }

    public async Task InstallAsync(
        ArgoCdChart chart, string kubeconfigPath, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> serviceAccountAnnotations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrEmpty(kubeconfigPath);
        var helm = await locateHelm(cancellationToken);
        log.Info($"Installing Argo CD: chart {chart.Chart} {chart.Version} from {chart.Repository} as release '{chart.ReleaseName}' in namespace '{chart.Namespace}'");
        var result = await runner.RunAsync(
            new ToolInvocation(helm, Arguments(chart, kubeconfigPath, serviceAccountAnnotations))
            {
                Environment = new Dictionary<string, string?> { ["NO_COLOR"] = "1" },
                ThrowOnFailure = false,
            },
            cancellationToken);
        if (!result.Succeeded)
        {
            var output = result.StandardError.Length > 0 ? result.StandardError : result.StandardOutput;
            throw new HelmException($"helm upgrade --install {chart.ReleaseName} (chart {chart.Chart} {chart.Version}) failed with exit code {result.ExitCode}: {HelmOutput.ErrorSummary(output)}")
            {
                Details = result.StandardError,
            };
        }

        log.Success($"Argo CD {chart.Chart} {chart.Version} is installed and ready.");
    }

    // helm --set splits keys at dots and values at commas; annotation keys such as iam.gke.io/... hold dots.
    private static string SetPathKey(string key) => key.Replace(".", "\\.", StringComparison.Ordinal);

    private static string SetValue(string value) => value.Replace(",", "\\,", StringComparison.Ordinal);
}
