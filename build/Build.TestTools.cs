namespace GitOps.Build;

/// <summary>
/// What the Test target needs from the machine besides what the build installs itself (terraform and helm from their pins, gitlab-ci-local, and
/// PowerShell, which the tests restore as a .NET tool). All are checked before any test runs; the Debian packages are
/// installed with apt-get when the build runs as root (as CI does), else each missing one is named with how to get it.
/// </summary>
internal sealed partial class Build
{
    private ToolRequirement Git => DebianPackage("git", "git", "the tests run real git against bare repositories");

    private ToolRequirement Rsync => DebianPackage("rsync", "rsync", "gitlab-ci-local copies each job's files with it");

    private ToolRequirement Busybox => DebianPackage("busybox", "busybox", "the bootstrap tests run build.sh with busybox's tools");

    private static ToolRequirement Node => new("node", "Install Node.js 20 or later with npm (https://nodejs.org): gitlab-ci-local and helm come from npm.");

    private ToolRequirement DebianPackage(string tool, string package, string why) =>
        new(tool, $"Install {package} ({why}): apt-get install {package} on Debian or Ubuntu, or your platform's package manager.")
        {
            Install = Environment.IsPrivilegedProcess && new ToolLocator(ToolsDirectory).Find("apt-get") is not null
                ? async (_, cancellationToken) => await Tools.RunAsync(
                    new ToolInvocation("bash", [Path.Combine(RootDirectory, "tests", "tools", "apt-install.sh"), package]) { WorkingDirectory = RootDirectory },
                    cancellationToken)
                : null,
        };
}
