using GitOps.Platform.Toolchain;

namespace GitOps.Platform.Tests.Toolchain;

/// <summary>
/// A tools cache restored from CI (or left on a shared runner) is not trusted as it is: before a cached copy is run,
/// once per build process, its archive is hashed against the pin again and the executable compared with the archive's.
/// A copy that does not match is never executed; it is reinstalled, with one line saying so.
/// </summary>
public sealed class CachedToolIntegrityTests
{
    private static readonly string Archive = $"mirror/terraform/1.11.4/terraform_1.11.4_{ToolPlatform.Current.Os}_{ToolPlatform.Current.Arch}.zip";
    private static readonly byte[] Terraform = TestArchives.Zip("terraform", TestArchives.Script("Terraform v1.11.4"));

    [Fact]
    public async Task A_cached_executable_replaced_in_the_cache_is_not_run_and_is_reinstalled()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        sandbox.Server.Serve(Archive, Terraform);
        var installed = await Toolchain(sandbox).EnsureAsync("terraform", CancellationToken.None);
        var ran = Path.Combine(sandbox.Directory.FullName, "poisoned-copy-ran");
        await File.WriteAllTextAsync(installed, $"#!/bin/sh\ntouch '{ran}'\nprintf '%s\\n' 'Terraform v1.11.4'\n");

        var again = await Toolchain(sandbox).EnsureAsync("terraform", CancellationToken.None);

        again.ShouldBe(installed);
        File.Exists(ran).ShouldBeFalse("the poisoned copy must never run, not even for its version");
        (await File.ReadAllTextAsync(installed)).ShouldBe(TestArchives.Script("Terraform v1.11.4"));
        sandbox.Log.Lines.ShouldContain(line => line.StartsWith($"terraform 1.11.4: {installed} is not the executable of its pinned archive", StringComparison.Ordinal)
            && line.EndsWith("; not running it, reinstalling", StringComparison.Ordinal));
        sandbox.Server.Requests.ShouldBe([Archive, Archive]);
    }

    [Fact]
    public async Task A_cached_archive_that_no_longer_matches_the_pin_is_reinstalled_too()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        sandbox.Server.Serve(Archive, Terraform);
        var toolchain = Toolchain(sandbox);
        await toolchain.EnsureAsync("terraform", CancellationToken.None);
        var archive = toolchain.Installer().ArchivePath(toolchain.Pins["terraform"]);
        await File.WriteAllBytesAsync(archive, TestArchives.Zip("terraform", TestArchives.Script("Terraform v1.11.4 (poisoned)")));

        await Toolchain(sandbox).EnsureAsync("terraform", CancellationToken.None);

        sandbox.Log.Lines.ShouldContain(line => line.Contains($"{archive} has SHA-256 ", StringComparison.Ordinal) && line.Contains("not the pinned", StringComparison.Ordinal));
        TestArchives.Sha256(await File.ReadAllBytesAsync(archive)).ShouldBe(TestArchives.Sha256(Terraform));
    }

    [Fact]
    public async Task An_intact_cached_copy_is_used_without_a_download_and_without_a_second_hash_in_the_same_process()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        sandbox.Server.Serve(Archive, Terraform);
        var toolchain = Toolchain(sandbox);
        var installed = await toolchain.EnsureAsync("terraform", CancellationToken.None);

        (await Toolchain(sandbox).EnsureAsync("terraform", CancellationToken.None)).ShouldBe(installed);
        (await Toolchain(sandbox).EnsureAsync("terraform", CancellationToken.None)).ShouldBe(installed);

        sandbox.Server.Requests.ShouldBe([Archive]);
        CachedToolIntegrity.Verifications(installed).ShouldBe(1);
    }

    private static Platform.Toolchain.Toolchain Toolchain(ToolInstallSandbox sandbox) =>
        new(sandbox.ToolsDirectory, new ToolPinTable([TestPins.Terraform(TestArchives.Sha256(Terraform))]), ToolSource.From(sandbox.Server.Root + "mirror"), sandbox.Runner, sandbox.Log)
        {
            SearchPath = Path.Combine(sandbox.Directory.FullName, "empty-path"),
        };
}
