using System.Diagnostics;
using GitOps.Platform.Tests.Helm;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Tests.ArgoCd;

/// <summary>
/// The argocd-vault-plugin-helm config management plugin as the sidecar runs it: init then generate from
/// argocd-values.yaml, each as <c>command + args</c> in the chart directory with the environment Argo CD's
/// cmp-server gives it, under POSIX shells (dash, busybox ash), with the real helm and a stand-in for
/// argocd-vault-plugin that behaves like it on placeholder-free input (reads stdin, writes it out).
/// </summary>
public sealed class VaultPluginCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("gitops-cmp-").FullName;

    public static TheoryData<string> Shells => new([.. new[] { "/bin/sh", "/usr/bin/dash", "/bin/busybox" }.Where(File.Exists)]);

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task A_chart_that_fails_to_render_fails_the_plugin_instead_of_generating_nothing(string shell)
    {
        var chart = WriteChart("broken", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {{ required "database.host is required" .Values.host }}
            """);

        var (exit, output, error) = await RunPluginAsync(shell, chart);

        exit.ShouldNotBe(0);
        output.ShouldBeEmpty();
        error.ShouldContain("database.host is required");
    }

    [Theory]
    [MemberData(nameof(Shells))]
    public async Task Dependencies_are_built_and_the_clusters_versions_reach_helm(string shell)
    {
        var chart = WriteChart("app", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: capabilities
            data:
              kubeVersion: {{ .Capabilities.KubeVersion.Version | quote }}
              monitoring: {{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" | quote }}
              values: {{ .Values.greeting | quote }}
            """, dependency: true);

        var (exit, output, error) = await RunPluginAsync(shell, chart, "greeting: hello\n",
            kubeVersion: "1.31.4", apiVersions: "v1,apps/v1,monitoring.coreos.com/v1,monitoring.coreos.com/v1/ServiceMonitor");

        exit.ShouldBe(0, error);
        output.ShouldContain("kubeVersion: \"v1.31.4\"");
        output.ShouldContain("monitoring: \"true\"");
        output.ShouldContain("values: \"hello\"");
        output.ShouldContain("name: from-the-dependency");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string WriteChart(string name, string template, bool dependency = false)
    {
        var chart = Path.Combine(directory, name);
        Directory.CreateDirectory(Path.Combine(chart, "templates"));
        File.WriteAllText(Path.Combine(chart, "templates", "main.yaml"), template);
        var chartYaml = $"apiVersion: v2\nname: {name}\nversion: 0.1.0\n";
        if (dependency)
        {
            chartYaml += "dependencies:\n  - name: library\n    version: 0.1.0\n    repository: file://../library\n";
            var library = Path.Combine(directory, "library");
            Directory.CreateDirectory(Path.Combine(library, "templates"));
            File.WriteAllText(Path.Combine(library, "Chart.yaml"), "apiVersion: v2\nname: library\nversion: 0.1.0\n");
            File.WriteAllText(Path.Combine(library, "templates", "cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-the-dependency\n");
        }

        File.WriteAllText(Path.Combine(chart, "Chart.yaml"), chartYaml);
        return chart;
    }

    private async Task<(int Exit, string Output, string Error)> RunPluginAsync(
        string shell, string chart, string values = "", string kubeVersion = "", string apiVersions = "")
    {
        var bin = Path.Combine(directory, "bin");
        Directory.CreateDirectory(bin);
        var helm = await TestHelm.PathAsync();
        File.CreateSymbolicLink(Path.Combine(bin, "helm"), helm).Refresh();
        var avp = Path.Combine(bin, "argocd-vault-plugin");
        File.WriteAllText(avp, "#!/bin/sh\n[ \"$1\" = generate ] && [ \"$2\" = - ] || { echo \"unexpected arguments: $*\" >&2; exit 2; }\ncat\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(avp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var plugin = PluginSpec();
        var environment = new Dictionary<string, string>
        {
            // What the cmp-server passes: PATH and HOME of the sidecar, the build environment, the Application's plugin env
            // prefixed ARGOCD_ENV_, and the cluster's versions.
            ["PATH"] = $"{bin}:/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = directory,
            ["HELM_CACHE_HOME"] = Path.Combine(directory, "helm-cache"),
            ["HELM_CONFIG_HOME"] = Path.Combine(directory, "helm-config"),
            ["HELM_DATA_HOME"] = Path.Combine(directory, "helm-data"),
            ["ARGOCD_APP_NAME"] = "database-dev-gcp",
            ["ARGOCD_APP_NAMESPACE"] = "eurodat",
            ["ARGOCD_ENV_RELEASE_NAME"] = "database",
            ["ARGOCD_ENV_HELM_VALUES"] = values,
            ["KUBE_VERSION"] = kubeVersion,
            ["KUBE_API_VERSIONS"] = apiVersions,
        };
        foreach (var step in new[] { "init", "generate" })
        {
            var (command, arguments) = plugin[step];
            var result = await RunAsync(shell, command, arguments, chart, environment);
            if (result.Exit != 0 || step == "generate")
            {
                return result;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    // The plugin's steps as Argo CD reads them: command[0] runs with command[1..] + args (cmpserver/plugin/plugin.go).
    private static Dictionary<string, (string Command, string[] Arguments)> PluginSpec()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "environments", "argocd", "argocd-values.yaml"))));
        var plugin = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["configs"])["cmp"])["plugins"])["argocd-vault-plugin-helm"];
        var steps = new Dictionary<string, (string, string[])>(StringComparer.Ordinal);
        foreach (var step in new[] { "init", "generate" })
        {
            var spec = (YamlMappingNode)plugin[step];
            var command = ((YamlSequenceNode)spec["command"]).Select(node => ((YamlScalarNode)node).Value!).ToList();
            var arguments = spec.Children.TryGetValue("args", out var args) ? ((YamlSequenceNode)args).Select(node => ((YamlScalarNode)node).Value!) : [];
            steps[step] = (command[0], [.. command.Skip(1), .. arguments]);
        }

        return steps;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(
        string shell, string command, string[] arguments, string workingDirectory, Dictionary<string, string> environment)
    {
        command.ShouldBe("sh", "the plugin must run under sh, whatever shell the sidecar image has");
        var start = new ProcessStartInfo(shell) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        if (shell.EndsWith("busybox", StringComparison.Ordinal))
        {
            start.ArgumentList.Add("sh");
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
