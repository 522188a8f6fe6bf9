using GitOps.Platform.Helm;

namespace GitOps.Platform.Tests.Helm;

public sealed class HelmVersionTests
{
    [Theory]
    [InlineData("v4.1.4", 4, 1, 4)]
    [InlineData("v3.8.0+g5ab0c7d", 3, 8, 0)]
    [InlineData("v3.17.2-rc.1\n", 3, 17, 2)]
    public void Reads_helm_version_output(string text, int major, int minor, int patch)
    {
        HelmVersion.TryParse(text, out var version).ShouldBeTrue();
        version.ShouldBe(new Version(major, minor, patch));
    }

    [Theory]
    [InlineData("")]
    [InlineData("version.BuildInfo{}")]
    [InlineData("v3.8")]
    public void Rejects_anything_else(string text) => HelmVersion.TryParse(text, out _).ShouldBeFalse();
}
