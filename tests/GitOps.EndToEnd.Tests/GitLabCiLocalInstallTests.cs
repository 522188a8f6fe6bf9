using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// tests/tools/install-gitlab-ci-local.sh never takes a half-finished install for a finished one: it installs into a
/// directory of its own, runs what it installed, and only then renames it into place. npm is a stand-in that can leave
/// a package without its executable, as an interrupted or failed npm install does.
/// </summary>
public sealed class GitLabCiLocalInstallTests : IDisposable
{
    // Lays down "npm install --prefix P gitlab-ci-local@V" as npm does, or, with FAKE_NPM_BREAK set, only the
    // package.json (npm killed, or a failed postinstall, after the package metadata was written). Counts its runs.
    private const string FakeNpm = """
        #!/bin/sh
        prefix='' version=''
        while [ $# -gt 0 ]; do
          case "$1" in
          --prefix) prefix=$2; shift 2 ;;
          gitlab-ci-local@*) version=${1#gitlab-ci-local@}; shift ;;
          *) shift ;;
          esac
        done
        echo run >>"$FAKE_NPM_RUNS"
        mkdir -p "$prefix/node_modules/gitlab-ci-local" "$prefix/node_modules/.bin"
        printf '{\n  "name": "gitlab-ci-local",\n  "version": "%s"\n}\n' "$version" >"$prefix/node_modules/gitlab-ci-local/package.json"
        [ -n "${FAKE_NPM_BREAK:-}" ] && exit 0
        printf '#!/bin/sh\necho %s\n' "$version" >"$prefix/node_modules/.bin/gitlab-ci-local"
        chmod +x "$prefix/node_modules/.bin/gitlab-ci-local"
        """;

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private readonly string directory = Directory.CreateTempSubdirectory("gitops-install-").FullName;

    public GitLabCiLocalInstallTests()
    {
        Directory.CreateDirectory(Path.Combine(directory, "fake-bin"));
        File.WriteAllText(Path.Combine(directory, "fake-bin", "npm"), FakeNpm);
        ToolDirectory.MakeExecutable(Path.Combine(directory, "fake-bin", "npm"));
    }

    private string ToolsDirectory => Path.Combine(directory, "tools");

    private string Prefix => Path.Combine(ToolsDirectory, "gitlab-ci-local");

    private string Runs => Path.Combine(directory, "npm-runs");

    private static string Installer => Path.Combine(RepositoryRoot.Find(), "tests", "tools", "install-gitlab-ci-local.sh");

    [Fact]
    public void An_install_whose_executable_is_missing_fails_and_leaves_nothing_that_looks_installed()
    {
        var result = Install(broken: true);

        result.ExitCode.ShouldBe(1, result.Output + result.Error);
        result.Error.ShouldContain("gitlab-ci-local 4.60.1 did not install");
        result.Output.ShouldNotContain("bin/gitlab-ci-local", customMessage: "no path to a tool that does not run");
        Directory.Exists(Prefix).ShouldBeFalse("a failed install is never moved into place");
        Directory.GetFileSystemEntries(ToolsDirectory).Select(Path.GetFileName).ShouldNotContain(name => name!.Contains("staging", StringComparison.Ordinal));
    }

    [Fact]
    public void A_half_install_left_behind_is_detected_and_redone()
    {
        // What an older installer left when its npm was interrupted after it had marked the prefix, or files went missing.
        Directory.CreateDirectory(Path.Combine(Prefix, "node_modules", "gitlab-ci-local"));
        File.WriteAllText(Path.Combine(Prefix, "node_modules", "gitlab-ci-local", "package.json"), "{\n  \"name\": \"gitlab-ci-local\",\n  \"version\": \"4.60.1\"\n}\n");
        File.WriteAllText(Path.Combine(Prefix, ".installed-4.60.1"), string.Empty);

        var result = Install(broken: false);

        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Error.ShouldContain("half-finished");
        File.ReadAllLines(Runs).Length.ShouldBe(1);
        var link = result.Output.TrimEnd().Split('\n')[^1];
        ProcessResult.Run(link, ["--version"], directory, new Dictionary<string, string?>(), Bound).Output.Trim().ShouldBe("4.60.1");
    }

    [Fact]
    public void A_finished_install_is_not_redone()
    {
        Install(broken: false).ExitCode.ShouldBe(0);

        var again = Install(broken: false);

        again.ExitCode.ShouldBe(0, again.Error);
        File.ReadAllLines(Runs).Length.ShouldBe(1, "the second run finds the verified install");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private ProcessResult Install(bool broken)
    {
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = Path.Combine(directory, "fake-bin") + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_NPM_RUNS"] = Runs,
            ["FAKE_NPM_BREAK"] = broken ? "1" : null,
        };
        return ProcessResult.Run("bash", [Installer, ToolsDirectory], directory, environment, Bound);
    }
}
