namespace GitOps.Platform.Toolchain;

/// <summary>
/// One tool at one version, as <c>.nuke/tool-pins.json</c> declares it: where its official archives are, which file in
/// them is the executable, and the SHA-256 of each platform's archive (null: the vendor publishes none).
/// </summary>
public sealed record ToolPin
{
    public required string Name { get; init; }

    public required Version Version { get; init; }

    /// <summary>The oldest version taken from PATH; older ones are ignored and the pinned one is installed.</summary>
    public required Version MinimumOnPath { get; init; }

    /// <summary>The official archive, with <c>{version}</c>, <c>{os}</c>, <c>{arch}</c> and <c>{ext}</c> placeholders.</summary>
    public required string UrlTemplate { get; init; }

    /// <summary>The executable's path inside the archive, without <c>.exe</c>; same placeholders.</summary>
    public required string ExecutableTemplate { get; init; }

    /// <summary><c>zip</c> or <c>tar.gz</c>.</summary>
    public string Archive { get; init; } = "zip";

    public string WindowsArchive { get; init; } = "zip";

    /// <summary>What makes the tool print its version (the first x.y.z in its output is read).</summary>
    public IReadOnlyList<string> VersionArguments { get; init; } = ["version"];

    /// <summary>Lower-case hex SHA-256 per <see cref="ToolPlatform.Key"/>; a null value means no build for that platform.</summary>
    public required IReadOnlyDictionary<string, string?> Sha256 { get; init; }

    public string ArchiveFor(ToolPlatform platform) => platform.IsWindows ? WindowsArchive : Archive;

    public string Expand(string template, ToolPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(platform);
        return template
            .Replace("{version}", Version.ToString(3), StringComparison.Ordinal)
            .Replace("{os}", platform.Os, StringComparison.Ordinal)
            .Replace("{arch}", platform.Arch, StringComparison.Ordinal)
            .Replace("{ext}", ArchiveFor(platform), StringComparison.Ordinal);
    }

    /// <summary>The executable's file name once installed: <c>terraform</c>, or <c>terraform.exe</c> on Windows.</summary>
    public string InstalledFileName(ToolPlatform platform) => platform.IsWindows ? Name + ".exe" : Name;

    public override string ToString() => $"{Name} {Version.ToString(3)}";
}
