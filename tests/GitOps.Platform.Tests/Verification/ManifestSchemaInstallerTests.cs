using System.Net;
using System.Net.Sockets;
using GitOps.Platform.Tests.Helm;
using GitOps.Platform.Verification.Schemas;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Verification;

/// <summary>
/// The schema check is installed from npm once and then works offline; when it is not installed and npm cannot reach
/// a registry (here a loopback port nobody listens on, with an empty npm cache), installing fails with one line.
/// </summary>
public sealed class ManifestSchemaInstallerTests
{
    [Fact]
    public async Task An_installed_copy_is_used_without_asking_npm()
    {
        await TestSchemas.ValidatorAsync(); // installed into the repository's .nuke/tools
        var runner = new RefusingNpm(TestHelm.Runner);

        var launcher = await ManifestSchemaInstaller.EnsureAsync(TestHelm.ToolsDirectory, runner, NullLog.Instance, CancellationToken.None);

        ManifestSchemaInstaller.Problem(TestHelm.ToolsDirectory).ShouldBeNull();
        File.Exists(launcher).ShouldBeTrue();
        runner.NpmCalls.ShouldBe(0);
        File.Exists(Path.Combine(TestHelm.ToolsDirectory, "manifest-schemas", "declared-types.json"))
            .ShouldBeTrue("the installer indexes the packages' declared types once, so Verify does not read every declaration file");
    }

    [Fact]
    public async Task The_validators_every_run_loads_come_from_one_bundled_file_that_needs_no_node_modules()
    {
        await TestSchemas.ValidatorAsync();
        var installed = Path.Combine(TestHelm.ToolsDirectory, "manifest-schemas");
        // Only the script, the declared-types index and the bundle: an Application can then be checked by the bundle alone.
        var copy = Directory.CreateTempSubdirectory("gitops-schemas-bundle-");
        try
        {
            foreach (var file in new[] { "validate-manifests.mjs", "declared-types.json", "preloaded-validators.mjs" })
            {
                File.Copy(Path.Combine(installed, file), Path.Combine(copy.FullName, file));
            }

            var input = copy.CreateSubdirectory("input").FullName;
            await File.WriteAllTextAsync(Path.Combine(input, "0.json"), """[{ "object": { "apiVersion": "argoproj.io/v1alpha1", "kind": "Application", "metadata": { "name": "a" }, "spec": { "project": "p", "destination": {}, "source": { "repoURL": "r", "targetRevision": ["main"] } } } }]""");
            await File.WriteAllTextAsync(Path.Combine(input, "end"), "1");

            var result = await TestHelm.Runner.RunAsync(
                new ToolInvocation("node", [Path.Combine(copy.FullName, "validate-manifests.mjs"), input, "5"]) { StreamOutput = false, ThrowOnFailure = false },
                CancellationToken.None);

            result.Succeeded.ShouldBeTrue(result.StandardError);
            result.StandardOutput.Trim().ShouldBe("""[{"index":0,"errors":[{"path":["spec","source","targetRevision"],"message":"must be string"}]}]""");
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_copy_and_without_a_registry_installing_fails_with_one_line()
    {
        var tools = Directory.CreateTempSubdirectory("gitops-schemas-tools-");
        var cache = Directory.CreateTempSubdirectory("gitops-npm-cache-");
        try
        {
            var runner = new OfflineNpm(TestHelm.Runner, $"http://127.0.0.1:{ClosedPort()}/", cache.FullName);
            ManifestSchemaInstaller.Problem(tools.FullName).ShouldNotBeNull();

            var failure = await Should.ThrowAsync<ManifestSchemaException>(() =>
                ManifestSchemaInstaller.EnsureAsync(tools.FullName, runner, NullLog.Instance, CancellationToken.None));

            failure.Message.ShouldStartWith("npm ci could not install @kubernetes-models/argo-cd@4.0.0 and kubernetes-models@5.1.0 (is the npm registry reachable?): ");
            failure.Message.ShouldNotContain("\n");
            ManifestSchemaInstaller.Problem(tools.FullName).ShouldNotBeNull(); // nothing half-installed counts as installed
            Directory.EnumerateFileSystemEntries(tools.FullName, "manifest-schemas*").ShouldBeEmpty();
        }
        finally
        {
            tools.Delete(recursive: true);
            cache.Delete(recursive: true);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Fails the test if npm is asked anything.</summary>
    private sealed class RefusingNpm(IToolRunner inner) : IToolRunner
    {
        public int NpmCalls { get; private set; }

        public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
        {
            if (invocation.Tool == "npm")
            {
                NpmCalls++;
                throw new ToolFailedException("npm must not be needed once the schema check is installed");
            }

            return inner.RunAsync(invocation, cancellationToken);
        }
    }

    /// <summary>npm pointed at an unreachable registry with an empty cache: a machine that cannot fetch.</summary>
    private sealed class OfflineNpm(IToolRunner inner, string registry, string cache) : IToolRunner
    {
        public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken) =>
            inner.RunAsync(
                invocation.Tool != "npm" ? invocation : invocation with
                {
                    Environment = new Dictionary<string, string?>(invocation.Environment) { ["npm_config_registry"] = registry, ["npm_config_cache"] = cache },
                },
                cancellationToken);
    }
}
