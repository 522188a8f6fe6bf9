using System.Diagnostics;
using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// tests/tools/install-gitlab-ci-local.sh's lock after an interrupted Test. npm is a stand-in that lays the package down
/// as npm install does (the lock, not npm, is under test); rsync is this machine's.
/// </summary>
public sealed class GitLabCiLocalInstallLockTests : IDisposable
{
    private const string FakeNpm = """
        #!/bin/sh
        # Lays down "npm install --prefix P gitlab-ci-local@V" the way npm does: the package.json and the .bin link.
        prefix='' version=''
        while [ $# -gt 0 ]; do
          case "$1" in
          --prefix) prefix=$2; shift 2 ;;
          gitlab-ci-local@*) version=${1#gitlab-ci-local@}; shift ;;
          *) shift ;;
          esac
        done
        mkdir -p "$prefix/node_modules/gitlab-ci-local" "$prefix/node_modules/.bin"
        printf '{\n  "name": "gitlab-ci-local",\n  "version": "%s"\n}\n' "$version" >"$prefix/node_modules/gitlab-ci-local/package.json"
        printf '#!/bin/sh\necho %s\n' "$version" >"$prefix/node_modules/.bin/gitlab-ci-local"
        chmod +x "$prefix/node_modules/.bin/gitlab-ci-local"
        """;

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private readonly string directory = Directory.CreateTempSubdirectory("gitops-install-lock-").FullName;

    public GitLabCiLocalInstallLockTests()
    {
        Directory.CreateDirectory(Path.Combine(directory, "fake-bin"));
        File.WriteAllText(Path.Combine(directory, "fake-bin", "npm"), FakeNpm);
        ToolDirectory.MakeExecutable(Path.Combine(directory, "fake-bin", "npm"));
    }

    private string ToolsDirectory => Path.Combine(directory, "tools");

    private string Lock => Path.Combine(ToolsDirectory, ".gitlab-ci-local.lock");

    private Dictionary<string, string?> Environment => new()
    {
        ["PATH"] = Path.Combine(directory, "fake-bin") + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
    };

    private static string Installer => Path.Combine(RepositoryRoot.Find(), "tests", "tools", "install-gitlab-ci-local.sh");

    [Fact]
    public void A_lock_whose_owner_is_dead_is_taken_over_at_once()
    {
        using var gone = Process.Start("sh", ["-c", "exit 0"]);
        gone.WaitForExit();
        LeaveLock(gone.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var result = ProcessResult.Run("bash", [Installer, ToolsDirectory], directory, Environment, Bound);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldContain($"taking over the gitlab-ci-local install lock of pid {gone.Id}, which is no longer running");
        result.Output.TrimEnd().ShouldEndWith(Path.Combine("bin", "gitlab-ci-local"));
        File.Exists(Path.Combine(ToolsDirectory, "gitlab-ci-local", ".installed-4.60.1")).ShouldBeTrue();
        Directory.Exists(Lock).ShouldBeFalse("the installer releases its own lock");
    }

    [Fact]
    public async Task A_live_owner_is_waited_for_saying_so_and_its_lock_taken_over_as_soon_as_it_dies()
    {
        using var owner = Process.Start("sleep", ["300"]);
        LeaveLock(owner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var info = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add(Installer);
        info.ArgumentList.Add(ToolsDirectory);
        info.Environment["PATH"] = Environment["PATH"];
        using var installer = Process.Start(info)!;
        var output = installer.StandardOutput.ReadToEndAsync();
        try
        {
            var waiting = await installer.StandardError.ReadLineAsync().WaitAsync(Bound);
            waiting.ShouldBe($"waiting for another gitlab-ci-local install (pid {owner.Id}) to finish ({Lock})");
            installer.HasExited.ShouldBeFalse();
        }
        finally
        {
            owner.Kill();
            owner.WaitForExit();
        }

        installer.WaitForExit(Bound).ShouldBeTrue("the installer took over the dead owner's lock");
        var rest = await installer.StandardError.ReadToEndAsync();
        installer.ExitCode.ShouldBe(0, rest);
        rest.ShouldContain($"taking over the gitlab-ci-local install lock of pid {owner.Id}, which is no longer running");
        rest.ShouldNotContain("waiting", customMessage: "the wait is announced once");
        (await output).TrimEnd().ShouldEndWith(Path.Combine("bin", "gitlab-ci-local"));
    }

    [Fact]
    public void A_lock_that_never_named_an_owner_is_taken_over_after_a_few_seconds()
    {
        Directory.CreateDirectory(Lock);

        var result = ProcessResult.Run("bash", [Installer, ToolsDirectory], directory, Environment, Bound);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldContain("taking over a gitlab-ci-local install lock that names no owner");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private void LeaveLock(string ownerPid)
    {
        Directory.CreateDirectory(Lock);
        File.WriteAllText(Path.Combine(Lock, "owner"), ownerPid + "\n");
    }
}
