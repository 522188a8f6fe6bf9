using System.Runtime.InteropServices;

namespace GitOps.Platform.Toolchain;

/// <summary>An operating system and CPU in the spelling tool vendors use for their downloads (<c>linux</c>, <c>amd64</c>).</summary>
public sealed record ToolPlatform(string Os, string Arch)
{
    /// <summary>Every platform the build supports; a pin names each, with a checksum or as absent.</summary>
    public static IReadOnlyList<ToolPlatform> Supported { get; } =
    [
        new("linux", "amd64"), new("linux", "arm64"),
        new("darwin", "amd64"), new("darwin", "arm64"),
        new("windows", "amd64"), new("windows", "arm64"),
    ];

    /// <summary>The machine this build runs on; an unsupported one (32-bit, riscv...) keeps its own name and finds no pin.</summary>
    public static ToolPlatform Current { get; } = new(
        OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsLinux() ? "linux" : RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "amd64",
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "386",
            Architecture.Arm => "arm",
            var other => other.ToString(),
        });

    public bool IsWindows => Os == "windows";

    /// <summary>The key of the pin table's <c>sha256</c> object: <c>linux_amd64</c>.</summary>
    public string Key => $"{Os}_{Arch}";

    public override string ToString() => Key;
}
