using System.Diagnostics;
using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// SIGTERM (a cancelled CI job, docker stop, timeout) stops a real build as Ctrl+C does (issue 13): the running
/// target is interrupted, its child process ends, the summary says so and the exit code is 130.
/// </summary>
[Collection(SharedClone.Name)]
public sealed class InterruptTests(FreshClone clone)
{
    [Fact]
    public async Task Sigterm_during_a_run_exits_130_like_ctrl_c()
    {
        // A fraction no other process has, so pgrep finds this child and nothing else.
        var marker = $"sleep 1200.{Random.Shared.Next(100_000, 999_999)}";
        var info = new ProcessStartInfo(Path.Combine(clone.Root, "build.sh"))
        {
            WorkingDirectory = clone.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in (string[])["RunE2E", "--stage", "qa", "--cloud", "gcp", "--e2e-base-url", "http://127.0.0.1:9",
                     "--e2e-command", marker, "--skip", "PrepareSensitiveInformation"])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("GITLAB_CI");
        using var build = Process.Start(info)!;
        build.StandardInput.Close();
        var error = build.StandardError.ReadToEndAsync();
        var output = new List<string>();
        string? line;
        while ((line = await build.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(4))) is not null)
        {
            output.Add(line);
            if (line.StartsWith("e2e on qa-gcp", StringComparison.Ordinal))
            {
                break; // the target and its child are running
            }
        }

        line.ShouldNotBeNull($"the build ended before running the e2e command: {string.Join('\n', output)}\n{await error}");
        // build.sh execs dotnet, so its process is the build itself.
        using (var kill = Process.Start("kill", ["-TERM", build.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var rest = await build.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await build.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        build.ExitCode.ShouldBe(130, rest + await error);
        rest.ShouldContain("RunE2E was interrupted.");
        rest.ShouldContain("(exit code 130)");
        using var pgrep = Process.Start(new ProcessStartInfo("pgrep", ["-f", marker]) { RedirectStandardOutput = true })!;
        await pgrep.WaitForExitAsync();
        pgrep.ExitCode.ShouldBe(1, "the e2e command outlived the interrupted build");
    }
}
