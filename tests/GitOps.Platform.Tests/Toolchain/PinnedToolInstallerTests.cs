using System.Diagnostics;
using GitOps.Platform.Toolchain;

namespace GitOps.Platform.Tests.Toolchain;

/// <summary>
/// The installer against a loopback download site serving archives built here: what lands in .nuke/tools/bin, the one
/// line a user reads when it goes wrong, and that nothing half-installed stays behind.
/// </summary>
public sealed class PinnedToolInstallerTests
{
    private static readonly string Archive = $"terraform/1.11.4/terraform_1.11.4_{ToolPlatform.Current.Os}_{ToolPlatform.Current.Arch}.zip";
    private static readonly byte[] Terraform = TestArchives.Zip("terraform", TestArchives.Script("Terraform v1.11.4"));

    [Fact]
    public async Task Installs_the_verified_executable_from_the_mirror_and_leaves_only_it()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        sandbox.Server.Serve("mirror/" + Archive, Terraform);

        var installed = await Installer(sandbox, Mirror(sandbox)).InstallAsync(TestPins.Terraform(TestArchives.Sha256(Terraform)), NeverInstalled, CancellationToken.None);

        installed.ShouldBe(Path.Combine(sandbox.Bin, "terraform"));
        (await ToolVersionProbe.ProbeAsync(sandbox.Runner, installed, ["version"], CancellationToken.None)).ShouldBe(new Version(1, 11, 4));
        sandbox.Leftovers().ShouldBe(["archives", $"archives/terraform-1.11.4-{ToolPlatform.Current.Key}.zip", "bin", "bin/terraform"]);
        sandbox.Server.Requests.ShouldBe(["mirror/" + Archive]);
    }

    [Fact]
    public async Task Installs_from_the_official_url_when_no_mirror_is_named()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        sandbox.Server.Serve("releases/" + Archive, Terraform);
        var pin = TestPins.Terraform(TestArchives.Sha256(Terraform), url: sandbox.Server.Root + "releases/terraform/{version}/terraform_{version}_{os}_{arch}.zip");

        var installed = await Installer(sandbox, ToolSource.Official).InstallAsync(pin, NeverInstalled, CancellationToken.None);

        File.Exists(installed).ShouldBeTrue();
        sandbox.Server.Requests.ShouldBe(["releases/" + Archive]);
    }

    [Fact]
    public async Task A_checksum_mismatch_is_one_line_naming_tool_version_url_and_what_to_do_and_installs_nothing()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        var url = sandbox.Server.Serve("mirror/" + Archive, Terraform);
        var pinned = new string('a', 64);

        var error = await Should.ThrowAsync<ToolInstallException>(() =>
            Installer(sandbox, Mirror(sandbox)).InstallAsync(TestPins.Terraform(pinned), NeverInstalled, CancellationToken.None));

        error.Message.ShouldNotContain("\n");
        error.Message.ShouldStartWith("terraform 1.11.4: ");
        error.Message.ShouldContain(url.ToString());
        error.Message.ShouldContain($"SHA-256 {TestArchives.Sha256(Terraform)}");
        error.Message.ShouldContain($"pins {pinned}");
        error.Message.ShouldContain("nothing was installed");
        error.SourceUnreachable.ShouldBeFalse();
        sandbox.Leftovers().ShouldBe(["bin"]);
    }

    [Fact]
    public async Task A_platform_without_a_build_fails_in_one_line_before_any_download()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        var windowsArm = new ToolPlatform("windows", "arm64");
        var pin = TestPins.Terraform(checksum: new string('b', 64), platform: new ToolPlatform("linux", "amd64"));

        var error = await Should.ThrowAsync<ToolInstallException>(() =>
            new PinnedToolInstaller(sandbox.ToolsDirectory, Mirror(sandbox), sandbox.Log) { Platform = windowsArm }
                .InstallAsync(pin, NeverInstalled, CancellationToken.None));

        error.Message.ShouldBe(
            $"terraform 1.11.4 has no pinned build for windows_arm64 ({sandbox.Server.Root}mirror/terraform/1.11.4/terraform_1.11.4_windows_arm64.zip is not published); install terraform 1.5.0 or newer on PATH and retry");
        sandbox.Server.Requests.ShouldBeEmpty();
        Directory.Exists(sandbox.Bin).ShouldBeFalse();
    }

    [Fact]
    public async Task A_truncated_download_is_one_line_and_leaves_nothing_behind()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        // Large enough that the first half reaches the client before the connection drops.
        var large = TestArchives.Zip("terraform", TestArchives.Script("Terraform v1.11.4") + new string('#', 4 << 20));
        var url = sandbox.Server.Serve("mirror/" + Archive, large);
        sandbox.Server.Truncate = true;

        var error = await Should.ThrowAsync<ToolInstallException>(() =>
            Installer(sandbox, Mirror(sandbox)).InstallAsync(TestPins.Terraform(TestArchives.Sha256(large)), NeverInstalled, CancellationToken.None));

        error.Message.ShouldNotContain("\n");
        error.Message.ShouldContain($"terraform 1.11.4: downloading {url} failed:");
        error.Message.ShouldContain($"of {large.Length} bytes");
        error.SourceUnreachable.ShouldBeFalse();
        error.Message.ShouldContain($"check that {sandbox.Server.Root}mirror/ is up and serves terraform/1.11.4/");
        sandbox.Leftovers().ShouldBe(["bin"]);
    }

    [Fact]
    public async Task An_unreachable_source_is_one_line_marked_unreachable()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        var closed = ClosedLoopbackPort();
        var mirror = ToolSource.From($"http://127.0.0.1:{closed}/mirror");

        var error = await Should.ThrowAsync<ToolInstallException>(() =>
            Installer(sandbox, mirror).InstallAsync(TestPins.Terraform(TestArchives.Sha256(Terraform)), NeverInstalled, CancellationToken.None));

        error.SourceUnreachable.ShouldBeTrue();
        error.Message.ShouldNotContain("\n");
        error.Message.ShouldContain($"terraform 1.11.4: downloading http://127.0.0.1:{closed}/mirror/{Archive} failed: could not reach it");
        error.Message.ShouldContain($"check that http://127.0.0.1:{closed}/mirror/ is up");
        sandbox.Leftovers().ShouldBe(["bin"]);
    }

    [Fact]
    public async Task A_404_names_the_url_and_counts_as_unreachable()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();

        var error = await Should.ThrowAsync<ToolInstallException>(() =>
            Installer(sandbox, Mirror(sandbox)).InstallAsync(TestPins.Terraform(TestArchives.Sha256(Terraform)), NeverInstalled, CancellationToken.None));

        error.Message.ShouldContain($"{sandbox.Server.Root}mirror/{Archive} failed: the server answered 404");
        error.SourceUnreachable.ShouldBeTrue();
    }

    [Fact]
    public async Task Two_concurrent_installs_download_once_and_both_get_the_whole_executable()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        sandbox.Server.Serve("mirror/" + Archive, Terraform);
        sandbox.Server.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pin = TestPins.Terraform(TestArchives.Sha256(Terraform));
        var installer = Installer(sandbox, Mirror(sandbox));
        Task<bool> IsPinned(string path, CancellationToken token) =>
            ToolVersionProbe.ProbeAsync(sandbox.Runner, path, ["version"], token).ContinueWith(probe => probe.Result == pin.Version, token, TaskContinuationOptions.None, TaskScheduler.Default);

        var first = Task.Run(() => installer.InstallAsync(pin, IsPinned, CancellationToken.None));
        var second = Task.Run(() => installer.InstallAsync(pin, IsPinned, CancellationToken.None));
        await WaitUntilAsync(() => sandbox.Server.Requests.Count == 1);
        await Task.Delay(500); // the second install is now waiting for the lock, not downloading
        sandbox.Server.Requests.Count.ShouldBe(1);
        sandbox.Server.Gate.SetResult();

        (await Task.WhenAll(first, second)).ShouldAllBe(path => path == Path.Combine(sandbox.Bin, "terraform"));
        sandbox.Server.Requests.Count.ShouldBe(1);
        sandbox.Log.Text.ShouldContain("Waiting for another build that is installing terraform");
        (await ToolVersionProbe.ProbeAsync(sandbox.Runner, Path.Combine(sandbox.Bin, "terraform"), ["version"], CancellationToken.None)).ShouldBe(pin.Version);
        sandbox.Leftovers().ShouldBe(["archives", $"archives/terraform-1.11.4-{ToolPlatform.Current.Key}.zip", "bin", "bin/terraform"]);
    }

    [Fact]
    public async Task The_lock_of_a_killed_build_is_taken_over_and_its_half_download_removed()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        sandbox.Server.Serve("mirror/" + Archive, Terraform);
        Directory.CreateDirectory(sandbox.ToolsDirectory);
        await File.WriteAllBytesAsync(Path.Combine(sandbox.ToolsDirectory, ".terraform-0123.download"), Terraform[..10]);
        Directory.CreateDirectory(Path.Combine(sandbox.ToolsDirectory, ".terraform-0123.staging"));
        // Another build holds the lock (flock, as .NET's FileShare.None does on Unix) and is then killed.
        using var owner = Process.Start(new ProcessStartInfo("flock", ["--exclusive", Path.Combine(sandbox.ToolsDirectory, ".terraform.install-lock"), "sleep", "60"]))!;
        await WaitUntilAsync(() => File.Exists(Path.Combine(sandbox.ToolsDirectory, ".terraform.install-lock")));
        await Task.Delay(300);

        var install = Installer(sandbox, Mirror(sandbox)).InstallAsync(TestPins.Terraform(TestArchives.Sha256(Terraform)), NeverInstalled, CancellationToken.None);
        await WaitUntilAsync(() => sandbox.Log.Text.Contains("Waiting for another build", StringComparison.Ordinal));
        install.IsCompleted.ShouldBeFalse();
        owner.Kill(entireProcessTree: true);

        (await install.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(Path.Combine(sandbox.Bin, "terraform"));
        sandbox.Leftovers().ShouldBe(["archives", $"archives/terraform-1.11.4-{ToolPlatform.Current.Key}.zip", "bin", "bin/terraform"]);
    }

    private static PinnedToolInstaller Installer(ToolInstallSandbox sandbox, ToolSource source) => new(sandbox.ToolsDirectory, source, sandbox.Log);

    private static ToolSource Mirror(ToolInstallSandbox sandbox) => ToolSource.From(sandbox.Server.Root + "mirror");

    private static Task<bool> NeverInstalled(string path, CancellationToken cancellationToken) => Task.FromResult(false);

    private static int ClosedLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), "condition not met in time");
            await Task.Delay(20);
        }
    }
}
