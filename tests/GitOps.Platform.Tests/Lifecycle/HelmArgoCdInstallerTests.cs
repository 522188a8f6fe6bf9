using GitOps.Platform.Helm;
using GitOps.Platform.Lifecycle;
using GitOps.Platform.Tests.ArgoCd;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Lifecycle;

public sealed class HelmArgoCdInstallerTests
{
    private static readonly string Root = RepositoryRoot.Path;

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> NoAnnotations = [];

    [Fact]
    public void The_pin_is_read_from_the_repository_with_the_health_check_its_values_install()
    {
        var chart = ArgoCdChart.Load(Root);

        chart.ShouldBe(chart with
        {
            Repository = "https://argoproj.github.io/argo-helm",
            Chart = "argo-cd",
            Version = "9.1.4",
            ReleaseName = "argocd",
            Namespace = "argocd",
            ValuesFile = Path.Combine(Root, "environments", "argocd", "argocd-values.yaml"),
        });
        chart.ApplicationHealthLua.ShouldContain("obj.status.health.status");
    }

    [Fact]
    public async Task Installs_with_helm_upgrade_install_of_the_pinned_chart_waiting_and_into_the_given_cluster()
    {
        var runner = new ScriptedToolRunner(new ToolResult(0, "STATUS: deployed", string.Empty));

        await new HelmArgoCdInstaller(runner, new RecordingLog(), _ => Task.FromResult("/opt/helm"))
            .InstallAsync(ArgoCdChart.Load(Root), "/tmp/dev-mgmt/kubeconfig", NoAnnotations, CancellationToken.None);

        var invocation = runner.Invocations.ShouldHaveSingleItem();
        invocation.Tool.ShouldBe("/opt/helm");
        invocation.Arguments.ShouldBe([
            "upgrade", "--install", "argocd", "argo-cd",
            "--repo", "https://argoproj.github.io/argo-helm",
            "--version", "9.1.4",
            "--namespace", "argocd", "--create-namespace",
            "--values", Path.Combine(Root, "environments", "argocd", "argocd-values.yaml"),
            "--wait", "--timeout", "10m",
            "--kubeconfig", "/tmp/dev-mgmt/kubeconfig"]);
    }

    [Fact]
    public async Task The_controller_and_the_internet_facing_server_each_get_their_own_workload_identity()
    {
        var runner = new ScriptedToolRunner(new ToolResult(0, "STATUS: deployed", string.Empty));
        var identity = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["controller"] = new Dictionary<string, string> { ["iam.gke.io/gcp-service-account"] = "argocd-dev@project.iam.gserviceaccount.com" },
            ["server"] = new Dictionary<string, string> { ["iam.gke.io/gcp-service-account"] = "argocd-server-dev@project.iam.gserviceaccount.com" },
        };

        await new HelmArgoCdInstaller(runner, new RecordingLog(), _ => Task.FromResult("/opt/helm"))
            .InstallAsync(ArgoCdChart.Load(Root), "/tmp/dev-mgmt/kubeconfig", identity, CancellationToken.None);

        var arguments = runner.Invocations.ShouldHaveSingleItem().Arguments;
        arguments.ShouldContain(@"controller.serviceAccount.annotations.iam\.gke\.io/gcp-service-account=argocd-dev@project.iam.gserviceaccount.com");
        arguments.ShouldContain(@"server.serviceAccount.annotations.iam\.gke\.io/gcp-service-account=argocd-server-dev@project.iam.gserviceaccount.com");
        arguments.Count(argument => argument == "--set-string").ShouldBe(2);
    }

    [Fact]
    public async Task A_failed_install_is_one_line_naming_the_chart_and_helms_error()
    {
        var runner = new ScriptedToolRunner(new ToolResult(1, string.Empty, "Error: INSTALLATION FAILED: context deadline exceeded\n"));

        var failure = await Should.ThrowAsync<HelmException>(() => new HelmArgoCdInstaller(runner, new RecordingLog(), _ => Task.FromResult("helm"))
            .InstallAsync(ArgoCdChart.Load(Root), "/tmp/kubeconfig", NoAnnotations, CancellationToken.None));

        failure.Message.ShouldBe("helm upgrade --install argocd (chart argo-cd 9.1.4) failed with exit code 1: INSTALLATION FAILED: context deadline exceeded");
    }

    /// <summary>No cluster exists here for helm to install into: the runner records the call and answers as scripted.</summary>
    private sealed class ScriptedToolRunner(ToolResult result) : IToolRunner
    {
        public List<ToolInvocation> Invocations { get; } = [];

        public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
        {
            Invocations.Add(invocation);
            return Task.FromResult(result);
        }
    }
}
