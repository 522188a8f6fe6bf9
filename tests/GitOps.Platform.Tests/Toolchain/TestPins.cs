using GitOps.Platform.Toolchain;

namespace GitOps.Platform.Tests.Toolchain;

/// <summary>Pin tables for tests: the real table's shape, with the checksums of the archives the test serves.</summary>
internal static class TestPins
{
    public static ToolPin Terraform(string? checksum, ToolPlatform? platform = null, string url = "https://releases.invalid/terraform/{version}/terraform_{version}_{os}_{arch}.zip") => new()
    {
        Name = "terraform",
        Version = new Version(1, 11, 4),
        MinimumOnPath = new Version(1, 5, 0),
        UrlTemplate = url,
        ExecutableTemplate = "terraform",
        VersionArguments = ["version"],
        Sha256 = ToolPlatform.Supported.ToDictionary(candidate => candidate.Key, candidate => candidate == (platform ?? ToolPlatform.Current) ? checksum : null),
    };
}
