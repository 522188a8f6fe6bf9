using GitOps.Platform.Toolchain.Internal;
using GitOps.Targets.Output;

namespace GitOps.Platform.Toolchain;

/// <summary>
/// Installs a pinned tool into <c>&lt;tools&gt;/bin</c>: the archive goes to a temporary file in the tools directory,
/// its SHA-256 is checked before anything is extracted, the executable is extracted into a temporary directory beside
/// it and renamed into place in one step. So <c>bin/</c> only ever holds whole, verified executables, whatever fails
/// or is killed; a lock per tool keeps two builds from installing it at once.
/// </summary>
public sealed class PinnedToolInstaller(string toolsDirectory, ToolSource source, ILog log)
{
    public static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    public HttpClient Http { get; init; } = ArchiveDownload.DefaultClient;

    public ToolPlatform Platform { get; init; } = ToolPlatform.Current;

    /// <summary>False in a pipeline, where a tool on PATH is never run: the messages then do not suggest it, nor any
    /// remedy the requirement's own advice gives.</summary>
    public bool PathIsARemedy { get; init; } = true;

    public string BinDirectory => Path.Combine(toolsDirectory, "bin");

    public string InstalledPath(ToolPin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return Path.Combine(BinDirectory, pin.InstalledFileName(Platform));
    }

    /// <summary>
    /// Where the verified archive of an installed pin is kept: what <see cref="CachedToolIntegrity"/> checks the
    /// executable against before a cached copy is run again.
    /// </summary>
    public string ArchivePath(ToolPin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var extension = pin.ArchiveFor(Platform) == "zip" ? "zip" : "tar.gz";
        return Path.Combine(toolsDirectory, "archives", $"{pin.Name}-{pin.Version.ToString(3)}-{Platform.Key}.{extension}");
    }

    /// <summary>
    /// Installs <paramref name="pin"/> unless <paramref name="isInstalled"/> finds it already there once the lock is
    /// held (another build may just have installed it), and returns the executable's path.
    /// </summary>
    public async Task<string> InstallAsync(ToolPin pin, Func<string, CancellationToken, Task<bool>> isInstalled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pin);
        ArgumentNullException.ThrowIfNull(isInstalled);
        var url = source.UrlOf(pin, Platform);
        var checksum = pin.Sha256.GetValueOrDefault(Platform.Key);
        if (checksum is null)
        {
            throw new ToolInstallException(
                $"{pin} has no pinned build for {Platform} ({ToolSource.Display(url)} is not published){(PathIsARemedy ? $"; install {pin.Name} {pin.MinimumOnPath.ToString(3)} or newer on PATH and retry" : string.Empty)}");
        }

        var target = InstalledPath(pin);
        await using var installLock = await InstallLock.AcquireAsync(toolsDirectory, pin.Name, log, LockTimeout, cancellationToken);
        if (File.Exists(target) && await isInstalled(target, cancellationToken))
        {
            return target;
        }

        RemoveLeftovers(pin);
        Directory.CreateDirectory(BinDirectory);
        var stem = Path.Combine(toolsDirectory, $".{pin.Name}-{Guid.NewGuid():N}");
        var download = stem + ".download";
        var staging = stem + ".staging";
        try
        {
            log.Info($"Installing {pin} for {Platform} from {ToolSource.Display(url)} into {BinDirectory}");
            string actual;
            try
            {
                actual = await ArchiveDownload.ToFileAsync(Http, url, download, cancellationToken);
            }
            catch (DownloadFailure failure)
            {
                throw new ToolInstallException($"{pin}: downloading {ToolSource.Display(url)} failed: {failure.Message}; {WhatToDo(pin)}", failure)
                {
                    SourceUnreachable = failure.Unreachable,
                };
            }

            if (!string.Equals(actual, checksum, StringComparison.Ordinal))
            {
                throw new ToolInstallException(
                    $"{pin}: {ToolSource.Display(url)} has SHA-256 {actual}, but {ToolPinTable.RelativePath} pins {checksum} for {Platform}; the download was deleted and nothing was installed. Make the source serve the official archive, or correct the pin after checking it against the vendor's published checksums");
            }

            Directory.CreateDirectory(staging);
            var entry = pin.Expand(pin.ExecutableTemplate, Platform) + (Platform.IsWindows ? ".exe" : string.Empty);
            var extracted = Path.Combine(staging, pin.InstalledFileName(Platform));
            if (!await ArchiveExtraction.ExtractAsync(download, pin.ArchiveFor(Platform), entry, extracted, cancellationToken))
            {
                throw new ToolInstallException($"{pin}: {ToolSource.Display(url)} passed its checksum but has no {entry}; correct {pin.Name}.executable in {ToolPinTable.RelativePath}");
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(extracted, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            // The archive first, so an executable in bin/ always has the archive it came from beside it.
            Directory.CreateDirectory(Path.GetDirectoryName(ArchivePath(pin))!);
            File.Move(download, ArchivePath(pin), overwrite: true);

            // rename(2) within one file system: a concurrent reader sees the old file or the new one, never a part.
            File.Move(extracted, target, overwrite: true);
            log.Success($"Installed {pin} to {target}");
            return target;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new ToolInstallException($"{pin}: installing from {ToolSource.Display(url)} into {BinDirectory} failed: {exception.Message}; nothing was installed", exception);
        }
        finally
        {
            Delete(download, staging);
        }
    }

    private string WhatToDo(ToolPin pin) => !PathIsARemedy
        ? source.Mirror is null ? "check the network" : $"check that {ToolSource.Display(source.Mirror)} is up and serves {pin.Name}/{pin.Version.ToString(3)}/"
        : source.Mirror is null
        ? $"check the network, or name a mirror with --tools-mirror URL (it must serve <URL>/{pin.Name}/{pin.Version.ToString(3)}/<file>), or put {pin.Name} {pin.MinimumOnPath.ToString(3)}+ on PATH"
        : $"check that {ToolSource.Display(source.Mirror)} is up and serves {pin.Name}/{pin.Version.ToString(3)}/, or put {pin.Name} {pin.MinimumOnPath.ToString(3)}+ on PATH";

    /// <summary>What a killed install left (only ever temporary names; the lock says nobody is using them now).</summary>
    private void RemoveLeftovers(ToolPin pin)
    {
        foreach (var file in Directory.EnumerateFiles(toolsDirectory, $".{pin.Name}-*.download"))
        {
            Delete(file, null);
        }

        foreach (var directory in Directory.EnumerateDirectories(toolsDirectory, $".{pin.Name}-*.staging"))
        {
            Delete(null, directory);
        }
    }

    private static void Delete(string? file, string? directory)
    {
        try
        {
            if (file is not null && File.Exists(file))
            {
                File.Delete(file);
            }

            if (directory is not null && Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the next install to remove; it never looks at temporary names except to delete them.
        }
    }
}
