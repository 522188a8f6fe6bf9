using GitOps.Targets;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Toolchain;

/// <summary>
/// The external programs the build runs: a compatible copy on PATH is used as it is; otherwise the pinned version is
/// installed into <c>.nuke/tools/bin</c> from <see cref="Source"/>, checked against its SHA-256. A copy under
/// <c>.nuke/tools</c> must be exactly the pinned version, so a changed pin replaces it. In a pipeline
/// (<see cref="VerifiedCacheOnly"/>) PATH is not searched at all.
/// </summary>
public sealed class Toolchain(string toolsDirectory, ToolPinTable pins, ToolSource source, IToolRunner runner, ILog log)
{
    public string ToolsDirectory { get; } = Path.GetFullPath(toolsDirectory);

    public ToolPinTable Pins { get; } = pins;

    public ToolSource Source { get; } = source;

    public IToolRunner Runner { get; } = runner;

    public ILog Log { get; } = log;

    public ToolPlatform Platform { get; init; } = ToolPlatform.Current;

    /// <summary>Replaces the HTTP client (tests point it at loopback only through the source; this is for handlers).</summary>
    public HttpClient? Http { get; init; }

    /// <summary>
    /// In a pipeline: only the pinned copy under <see cref="ToolsDirectory"/>, verified against its SHA-256, is run.
    /// A pipeline variable can set PATH and HOME, and a copy found on PATH could only be asked for its version (its
    /// bytes cannot be checked: the pin is the archive's hash), so a planted "terraform" would run with the deployer's
    /// credentials.
    /// </summary>
    public bool VerifiedCacheOnly { get; init; }

    /// <summary>PATH as the tools are searched there; default the process's.</summary>
    public string? SearchPath { get; init; }

    /// <summary>The build's toolchain for the repository whose tools directory is <c>&lt;root&gt;/.nuke/tools</c>.</summary>
    public static Toolchain ForRepository(string repositoryRoot, string? mirror, IToolRunner runner, ILog log, bool inPipeline) =>
        new(Path.Combine(repositoryRoot, ".nuke", "tools"), ToolPinTable.Load(repositoryRoot), ToolSource.From(mirror), runner, log) { VerifiedCacheOnly = inPipeline };

    /// <summary>
    /// The requirement a target declares: checked before anything runs, installed when missing or unusable. The
    /// toolchain is made only then, so declaring the requirement (e.g. for <c>--help</c>) reads no file.
    /// </summary>
    public static ToolRequirement Requirement(string tool, Func<Toolchain> toolchain)
    {
        ArgumentNullException.ThrowIfNull(toolchain);
        return new ToolRequirement(tool, HowToGet(tool))
        {
            DescribeHowToGet = () => toolchain().HowToGetHere(tool),
            Install = async (_, cancellationToken) => await toolchain().EnsureAsync(tool, cancellationToken),
            Check = (path, cancellationToken) => toolchain().WhyUnusableAsync(toolchain().Pins[tool], path, cancellationToken),
        };
    }

    public static string HowToGet(string tool) =>
        $"Put a compatible {tool} on PATH, or let the build install the one pinned in {ToolPinTable.RelativePath} (--tools-mirror URL where the internet is out of reach).";

    /// <summary>The advice for how this toolchain runs: in a pipeline PATH is no remedy (<see cref="VerifiedCacheOnly"/>).</summary>
    public string HowToGetHere(string tool) => VerifiedCacheOnly
        ? $"In a pipeline only the pinned {tool} is run: name a mirror with --tools-mirror URL (or \"tools-mirror\" in .nuke/parameters.json), or let the job's cache keep {ToolsDirectory}."
        : HowToGet(tool);

    /// <summary>A usable executable: a compatible one on PATH, else the pinned one, installed if needed.</summary>
    public async Task<string> EnsureAsync(string tool, CancellationToken cancellationToken)
    {
        var pin = Pins[tool];
        var installer = Installer();
        var pinned = installer.InstalledPath(pin);
        if (File.Exists(pinned))
        {
            if (await WhyUnusableAsync(pin, pinned, cancellationToken) is not { } unusable)
            {
                return pinned;
            }

            if (await CachedToolIntegrity.WhyNotIntactAsync(installer, pin, pinned, cancellationToken) is { } tampered)
            {
                Log.Warning($"{pin}: {tampered}; not running it, reinstalling");
                File.Delete(pinned);
            }
            else
            {
                Log.Debug($"{pin}: {unusable}");
            }
        }

        if (!VerifiedCacheOnly && await CompatibleOnPathAsync(pin, cancellationToken) is { } onPath)
        {
            // A stale pinned copy would be found before PATH, so it goes; PATH's compatible one is then used.
            if (File.Exists(pinned))
            {
                Log.Info($"{pin.Name}: removing {pinned} (not the pinned {pin.Version.ToString(3)}); using {onPath}");
                File.Delete(pinned);
            }

            return onPath;
        }

        return await installer.InstallAsync(pin, async (path, token) => await WhyUnusableAsync(pin, path, token) is null, cancellationToken);
    }

    public PinnedToolInstaller Installer() => new(ToolsDirectory, Source, Log)
    {
        PathIsARemedy = !VerifiedCacheOnly,
        Platform = Platform,
        Http = Http ?? Internal.ArchiveDownload.DefaultClient,
    };

    /// <summary>Why the copy at <paramref name="path"/> cannot be used, or null when it can.</summary>
    public async Task<string?> WhyUnusableAsync(ToolPin pin, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pin);
        if (VerifiedCacheOnly && !IsUnderTools(path))
        {
            return $"{path} is on PATH, which a pipeline variable can set; in a pipeline only the pinned {pin.Name} {pin.Version.ToString(3)} under {ToolsDirectory}, checked against its SHA-256, is run";
        }

        // A copy under .nuke/tools (a CI cache) is checked against its pinned archive before it is run at all.
        if (IsUnderTools(path) && await CachedToolIntegrity.WhyNotIntactAsync(Installer(), pin, path, cancellationToken) is { } tampered)
        {
            return tampered;
        }

        var version = await ToolVersionProbe.ProbeAsync(Runner, path, pin.VersionArguments, cancellationToken);
        if (version is null)
        {
            return $"{path} does not tell its version ({pin.Name} {string.Join(' ', pin.VersionArguments)} failed or printed none)";
        }

        if (IsUnderTools(path))
        {
            return version == pin.Version ? null : $"{path} is {version.ToString(3)}, not the pinned {pin.Version.ToString(3)}";
        }

        return version >= pin.MinimumOnPath ? null : $"{path} is {version.ToString(3)}, older than {pin.MinimumOnPath.ToString(3)}";
    }

    private async Task<string?> CompatibleOnPathAsync(ToolPin pin, CancellationToken cancellationToken)
    {
        var directories = (SearchPath ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(directory => !IsUnderTools(directory));
        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory, pin.InstalledFileName(Platform));
            if (File.Exists(candidate) && await WhyUnusableAsync(pin, candidate, cancellationToken) is null)
            {
                return candidate;
            }
        }

        return null;
    }

    private bool IsUnderTools(string path)
    {
        var full = Path.GetFullPath(path);
        return full.Equals(ToolsDirectory, StringComparison.Ordinal)
            || full.StartsWith(ToolsDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
