using GitOps.Platform.Toolchain;

namespace GitOps.Platform.Tests.Toolchain;

/// <summary>PATH first when compatible; otherwise the pinned version, and a copy under .nuke/tools is always exactly the pin.</summary>
public sealed class ToolchainTests
{
    private static readonly string Archive = $"mirror/terraform/1.11.4/terraform_1.11.4_{ToolPlatform.Current.Os}_{ToolPlatform.Current.Arch}.zip";
    private static readonly byte[] Terraform = TestArchives.Zip("terraform", TestArchives.Script("Terraform v1.11.4"));

    [Fact]
    public async Task A_compatible_terraform_on_PATH_is_used_and_nothing_is_downloaded()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        var onPath = FakeOnPath(sandbox, "Terraform v1.9.8\non linux_amd64");
        sandbox.Server.Serve(Archive, Terraform);

        var found = await Toolchain(sandbox).EnsureAsync("terraform", CancellationToken.None);

        found.ShouldBe(onPath);
        sandbox.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_terraform_on_PATH_older_than_1_5_is_passed_over_for_the_pinned_one()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        var onPath = FakeOnPath(sandbox, "Terraform v1.4.6");
        sandbox.Server.Serve(Archive, Terraform);
        var toolchain = Toolchain(sandbox);

        (await toolchain.WhyUnusableAsync(toolchain.Pins["terraform"], onPath, CancellationToken.None)).ShouldBe($"{onPath} is 1.4.6, older than 1.5.0");
        var installed = await toolchain.EnsureAsync("terraform", CancellationToken.None);

        installed.ShouldBe(Path.Combine(sandbox.Bin, "terraform"));
        sandbox.Server.Requests.ShouldBe([Archive]);
    }

    [Fact]
    public async Task A_copy_under_tools_that_is_not_the_pin_is_replaced_even_if_it_would_do_on_PATH()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        Directory.CreateDirectory(sandbox.Bin);
        var stale = Path.Combine(sandbox.Bin, "terraform");
        WriteScript(stale, "Terraform v1.10.0");
        sandbox.Server.Serve(Archive, Terraform);
        var toolchain = Toolchain(sandbox);
        var requirement = Platform.Toolchain.Toolchain.Requirement("terraform", () => toolchain);

        // Not even asked for its version: a copy under .nuke/tools with no verified archive beside it is never run.
        (await requirement.Check!(stale, CancellationToken.None)).ShouldBe(
            $"{stale} has no verified archive beside it ({Path.Combine(sandbox.ToolsDirectory, "archives", $"terraform-1.11.4-{ToolPlatform.Current.Key}.zip")})");
        await requirement.Install!(sandbox.ToolsDirectory, CancellationToken.None);

        (await requirement.Check!(stale, CancellationToken.None)).ShouldBeNull();
        sandbox.Server.Requests.ShouldBe([Archive]);
    }

    [Fact]
    public async Task A_stale_pinned_copy_gives_way_to_a_compatible_one_on_PATH_without_a_download()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        Directory.CreateDirectory(sandbox.Bin);
        WriteScript(Path.Combine(sandbox.Bin, "terraform"), "Terraform v1.10.0");
        var onPath = FakeOnPath(sandbox, "Terraform v1.12.1");

        var found = await Toolchain(sandbox).EnsureAsync("terraform", CancellationToken.None);

        found.ShouldBe(onPath);
        File.Exists(Path.Combine(sandbox.Bin, "terraform")).ShouldBeFalse();
        sandbox.Server.Requests.ShouldBeEmpty();
    }

    /// <summary>
    /// A pipeline variable can set PATH (and HOME): a "terraform" placed first there would get only a version check and
    /// then run with the deployer's credentials. In a pipeline only the pinned copy under .nuke/tools, checked against
    /// its SHA-256, is run; the PATH copy is not even asked for its version.
    /// </summary>
    [Fact]
    public async Task In_a_pipeline_a_tool_on_PATH_is_never_run_and_the_verified_pinned_copy_is_installed_instead()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        var onPath = FakeOnPath(sandbox, "Terraform v1.12.1");
        var ran = Path.Combine(sandbox.Directory.FullName, "path-terraform-ran");
        File.WriteAllText(onPath, $"#!/bin/sh\ntouch '{ran}'\necho 'Terraform v1.12.1'\n");
        sandbox.Server.Serve(Archive, Terraform);
        var toolchain = Toolchain(sandbox, verifiedCacheOnly: true);
        var requirement = Platform.Toolchain.Toolchain.Requirement("terraform", () => toolchain);

        (await requirement.Check!(onPath, CancellationToken.None)).ShouldBe(
            $"{onPath} is on PATH, which a pipeline variable can set; in a pipeline only the pinned terraform 1.11.4 under {sandbox.ToolsDirectory}, checked against its SHA-256, is run");
        var found = await toolchain.EnsureAsync("terraform", CancellationToken.None);

        found.ShouldBe(Path.Combine(sandbox.Bin, "terraform"));
        sandbox.Server.Requests.ShouldBe([Archive]);
        File.Exists(ran).ShouldBeFalse("the terraform on PATH was started");
        (await requirement.Check!(found, CancellationToken.None)).ShouldBeNull();
    }

    /// <summary>In a pipeline PATH is no remedy: the failure names only what is (a mirror, the job's cache), once.</summary>
    [Fact]
    public async Task In_a_pipeline_a_tool_that_cannot_be_installed_is_told_only_the_pipelines_remedies_once()
    {
        await using var sandbox = await ToolInstallSandbox.CreateAsync();
        var toolchain = Toolchain(sandbox, verifiedCacheOnly: true);
        var requirement = Platform.Toolchain.Toolchain.Requirement("terraform", () => toolchain);

        var failure = await Should.ThrowAsync<ToolInstallException>(() => requirement.Install!(sandbox.ToolsDirectory, CancellationToken.None));
        var message = $"{failure.Message}. {requirement.HowToGetNow()}";

        message.ShouldNotContain("on PATH");
        message.ShouldContain("--tools-mirror URL (or \"tools-mirror\" in .nuke/parameters.json), or let the job's cache keep");
        (message.Split("--tools-mirror").Length - 1).ShouldBe(1, message);
        Toolchain(sandbox).HowToGetHere("terraform").ShouldContain("Put a compatible terraform on PATH");
    }

    private static Platform.Toolchain.Toolchain Toolchain(ToolInstallSandbox sandbox, bool verifiedCacheOnly = false) =>
        new(sandbox.ToolsDirectory, new ToolPinTable([TestPins.Terraform(TestArchives.Sha256(Terraform))]), ToolSource.From(sandbox.Server.Root + "mirror"), sandbox.Runner, sandbox.Log)
        {
            SearchPath = Path.Combine(sandbox.Directory.FullName, "path"),
            VerifiedCacheOnly = verifiedCacheOnly,
        };

    private static string FakeOnPath(ToolInstallSandbox sandbox, string versionOutput)
    {
        var directory = Directory.CreateDirectory(Path.Combine(sandbox.Directory.FullName, "path"));
        var path = Path.Combine(directory.FullName, "terraform");
        WriteScript(path, versionOutput);
        return path;
    }

    internal static void WriteScript(string path, string versionOutput)
    {
        File.WriteAllText(path, $"#!/bin/sh\nprintf '%s\\n' '{versionOutput.Replace("\n", "' '", StringComparison.Ordinal)}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
