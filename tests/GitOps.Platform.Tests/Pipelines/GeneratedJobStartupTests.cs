using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;

namespace GitOps.Platform.Tests.Pipelines;

/// <summary>
/// GitLab Runner writes CI/CD, trigger and pipeline variables as <c>export</c> lines into the job script, after its
/// own shell has started; every bash started from there (build.sh) expands BASH_ENV before its first line. Each
/// committed job line that runs build.sh, run as the runner would with such variables exported, must start build.sh
/// with none of them.
/// </summary>
public sealed partial class GeneratedJobStartupTests : IDisposable
{
    private static readonly string[] Loaders = ["BASH_ENV", "ENV", "LD_PRELOAD", "LD_AUDIT", "LD_LIBRARY_PATH", "DOTNET_STARTUP_HOOKS", "DOTNET_ADDITIONAL_DEPS", "CORECLR_ENABLE_PROFILING"];

    private readonly string work = Directory.CreateTempSubdirectory("gitops-job-startup-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Every_committed_build_sh_line_starts_it_without_BASH_ENV_ENV_or_a_loader_variable()
    {
        var lines = BuildLines();
        lines.Count.ShouldBeGreaterThan(10);
        var stub = Path.Combine(work, "build.sh");
        File.WriteAllText(stub, "#!/usr/bin/env bash\necho \"build.sh ran\"\n" + string.Concat(Loaders.Select(name => $"echo \"{name}=${{{name}-unset}}\"\n")));
        File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var marker = Path.Combine(work, "pwned");

        foreach (var line in lines.Distinct(StringComparer.Ordinal))
        {
            // What a trigger variable becomes in the runner's script; the runner's shell itself started before it.
            var exports = $"export BASH_ENV='$(touch {marker})' ENV='$(touch {marker})' DOTNET_STARTUP_HOOKS=/tmp/hook.dll DOTNET_ADDITIONAL_DEPS=/tmp/deps.json CORECLR_ENABLE_PROFILING=1 LD_LIBRARY_PATH=/tmp/lib; ";
            var (exit, output) = Bash(exports + line);

            exit.ShouldBe(0, $"{line}\n{output}");
            output.ShouldContain("build.sh ran", Case.Sensitive, line);
            File.Exists(marker).ShouldBeFalse($"BASH_ENV ran code before build.sh: {line}");
            foreach (var name in Loaders)
            {
                output.ShouldContain($"{name}=unset", Case.Sensitive, $"{line}\n{output}");
            }
        }
    }

    /// <summary>
    /// The before_script runs in the runner's shell with the job's variables exported, before build.sh: a program
    /// there that reads its environment as configuration (apt-get and APT_CONFIG's APT::Update::Pre-Invoke, as root)
    /// must not see them. The image's system directories are modelled by one directory that holds the tools the lines
    /// call, an apt-get that honours APT_CONFIG as the real one does and records its environment, and no npm; the
    /// job's PATH is that directory too, and the fixed PATH a line sets is pointed at it.
    /// </summary>
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Every_committed_before_script_line_runs_its_setup_without_the_jobs_variables()
    {
        var lines = BeforeScriptLines();
        lines.Count.ShouldBeGreaterThan(10);
        var system = Directory.CreateDirectory(Path.Combine(work, "system")).FullName;
        foreach (var tool in new[] { "sh", "env", "touch", "sed", "cat" })
        {
            File.CreateSymbolicLink(Path.Combine(system, tool), SystemTool(tool));
        }

        var calls = Path.Combine(work, "apt-get.calls");
        var seen = Path.Combine(work, "apt-get.env");
        var aptGet = Path.Combine(system, "apt-get");
        File.WriteAllText(aptGet, $$"""
            #!/bin/sh
            echo "$*" >>'{{calls}}'
            env >>'{{seen}}'
            if [ "$1" = update ] && [ -n "${APT_CONFIG:-}" ]; then
              hook="$(sed -n 's/.*APT::Update::Pre-Invoke *{ *"\([^"]*\)".*/\1/p' "$APT_CONFIG")"
              if [ -n "$hook" ]; then sh -c "$hook"; fi
            fi
            exit 0

            """);
        File.SetUnixFileMode(aptGet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var marker = Path.Combine(work, "pwned");
        var aptConfig = Path.Combine(work, "APT_CONFIG");
        File.WriteAllText(aptConfig, $$"""APT::Update::Pre-Invoke {"touch {{marker}}";};""" + "\n");

        foreach (var line in lines.Distinct(StringComparer.Ordinal))
        {
            File.Delete(calls);
            File.Delete(seen);
            var exports = $"export PATH='{system}' APT_CONFIG='{aptConfig}' GCP_ID_TOKEN=canary-token LD_LIBRARY_PATH=/tmp/lib; ";
            var (exit, output) = Bash(exports + line.Replace(SystemPathInLines, $"PATH={system} ", StringComparison.Ordinal));

            exit.ShouldBe(0, $"{line}\n{output}");
            File.Exists(calls).ShouldBeTrue($"the modelled image has no npm, so apt-get should have run: {line}\n{output}");
            File.Exists(marker).ShouldBeFalse($"APT_CONFIG's Pre-Invoke ran as the job's setup: {line}");
            var environment = File.ReadAllText(seen);
            foreach (var leaked in new[] { "APT_CONFIG=", "GCP_ID_TOKEN=", "LD_LIBRARY_PATH=" })
            {
                environment.ShouldNotContain(leaked, Case.Sensitive, $"apt-get saw the job's {leaked}: {line}");
            }
        }
    }

    /// <summary>What the generated lines set PATH to (JobSetupShell.SystemPath), spelled out: the test reads the committed files.</summary>
    private const string SystemPathInLines = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin ";

    private static string SystemTool(string name) =>
        new[] { "/usr/bin", "/bin" }.Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{name} is in neither /usr/bin nor /bin");

    private (int Exit, string Output) Bash(string script)
    {
        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-c", script])
        {
            WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment.Remove("BASH_ENV");
        start.Environment.Remove("ENV");
        start.Environment["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = "0000000";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    /// <summary>The script lines of .gitlab-ci.yml and its child pipelines that run build.sh.</summary>
    private static List<string> BuildLines() =>
    [
        .. Directory.GetFiles(Path.Combine(RepositoryRoot.Path, ".ci", "pipelines"), "*.yml").Prepend(Path.Combine(RepositoryRoot.Path, ".gitlab-ci.yml"))
            .SelectMany(File.ReadLines)
            .Select(line => ScriptLine().Match(line)).Where(match => match.Success)
            .Select(match => match.Groups["line"].Value),
    ];

    /// <summary>The items of every before_script: list in .gitlab-ci.yml and its child pipelines.</summary>
    private static List<string> BeforeScriptLines()
    {
        var lines = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, ".ci", "pipelines"), "*.yml").Prepend(Path.Combine(RepositoryRoot.Path, ".gitlab-ci.yml")))
        {
            var inList = false;
            foreach (var line in File.ReadLines(file))
            {
                var item = ListItem().Match(line);
                if (line.Trim() == "before_script:")
                {
                    inList = true;
                }
                else if (inList && item.Success)
                {
                    lines.Add(item.Groups["line"].Value);
                }
                else
                {
                    inList = false;
                }
            }
        }

        return lines;
    }

    [GeneratedRegex(@"^\s+- (?<line>(?!#).*)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\s+- (?<line>(?!#).*\./build\.sh \S.*)$")]
    private static partial Regex ScriptLine();
}
