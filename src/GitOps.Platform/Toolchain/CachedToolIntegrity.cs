using System.Collections.Concurrent;
using System.Security.Cryptography;
using GitOps.Platform.Toolchain.Internal;

namespace GitOps.Platform.Toolchain;

/// <summary>
/// Whether a pinned tool under <c>.nuke/tools/bin</c> is still what was installed: its kept archive still has the
/// SHA-256 the committed pin names, and the executable is byte for byte that archive's. The tools directory is a CI
/// cache, which a job of another branch may have written, so this is checked before the copy is ever run. Once per
/// build process and file (path, size, modification time), not on every use: the check costs many starts of the tool
/// (helm: median 4.2 s against 0.28 s for "helm version", 15x, on a loaded 2-core machine;
/// tests/benchmarks/tool-verify-benchmark.sh), and a build runs terraform and helm dozens of times.
/// </summary>
public static class CachedToolIntegrity
{
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Modified), Lazy<Task<string?>>> Checked = new();
    private static readonly ConcurrentDictionary<string, int> Counts = new(StringComparer.Ordinal);

    /// <summary>Why <paramref name="executable"/> is not the pinned tool's, or null when it is.</summary>
    public static Task<string?> WhyNotIntactAsync(PinnedToolInstaller installer, ToolPin pin, string executable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installer);
        ArgumentNullException.ThrowIfNull(pin);
        var file = new FileInfo(executable);
        if (!file.Exists)
        {
            return Task.FromResult<string?>($"{executable} does not exist");
        }

        var key = (file.FullName, file.Length, file.LastWriteTimeUtc);
        return Checked.GetOrAdd(key, _ => new Lazy<Task<string?>>(() => VerifyAsync(installer, pin, file.FullName, cancellationToken))).Value;
    }

    /// <summary>How often the files at <paramref name="executable"/> were hashed in this process (for tests).</summary>
    public static int Verifications(string executable) => Counts.GetValueOrDefault(Path.GetFullPath(executable));

    private static async Task<string?> VerifyAsync(PinnedToolInstaller installer, ToolPin pin, string executable, CancellationToken cancellationToken)
    {
        Counts.AddOrUpdate(executable, 1, (_, count) => count + 1);
        var archive = installer.ArchivePath(pin);
        if (pin.Sha256.GetValueOrDefault(installer.Platform.Key) is not { } pinned)
        {
            return $"{executable}: {pin} has no pin for {installer.Platform}, so no copy there can be the pinned one";
        }

        if (!File.Exists(archive))
        {
            // helm's offline route: the same helm from an npm package, whose tarball is kept instead.
            var tools = Path.GetDirectoryName(Path.GetDirectoryName(archive))!;
            return pin.Name == "helm" && File.Exists(Helm.Installation.LayerPackage.KeptTarball(tools))
                ? await Helm.Installation.LayerPackage.WhyNotIntactAsync(tools, executable, cancellationToken)
                : $"{executable} has no verified archive beside it ({archive})";
        }

        var actual = await Sha256Async(archive, cancellationToken);
        if (!string.Equals(actual, pinned, StringComparison.Ordinal))
        {
            return $"{archive} has SHA-256 {actual}, not the pinned {pinned}";
        }

        var expected = Path.Combine(Path.GetDirectoryName(archive)!, $".verify-{Guid.NewGuid():N}");
        try
        {
            var entry = pin.Expand(pin.ExecutableTemplate, installer.Platform) + (installer.Platform.IsWindows ? ".exe" : string.Empty);
            if (!await ArchiveExtraction.ExtractAsync(archive, pin.ArchiveFor(installer.Platform), entry, expected, cancellationToken))
            {
                return $"{archive} has no {entry}";
            }

            return await Sha256Async(expected, cancellationToken) == await Sha256Async(executable, cancellationToken)
                ? null
                : $"{executable} is not the executable of its pinned archive {archive}";
        }
        finally
        {
            File.Delete(expected);
        }
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
