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

    [GeneratedRegex(@"^\s+- (?<line>(?!#).*\./build\.sh \S.*)$")]
    private static partial Regex ScriptLine();
}
