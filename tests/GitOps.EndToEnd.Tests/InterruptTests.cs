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
        var fraction = Random.Shared.Next(100_000, 999_999);
        var marker = $"sleep 1200.{fraction}";
        // Anchored: the build's own command line holds the same words after --e2e-command.
        var child = $"^(\\S*/)?sleep 1200\\.{fraction}$";
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
        // A target's output is shown when it ends, so readiness is the e2e command's own process appearing.
        var output = build.StandardOutput.ReadToEndAsync();
        try
        {
            var started = DateTime.UtcNow;
            while (!await RunningAsync(child))
            {
                build.HasExited.ShouldBeFalse($"the build ended before running the e2e command: {await output}\n{await error}");
                (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromMinutes(6), "the e2e command never started");
                await Task.Delay(200);
            }

            // build.sh execs dotnet, so its process is the build itself.
            using (var kill = Process.Start("kill", ["-TERM", build.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await build.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        finally
        {
            if (!build.HasExited)
            {
                build.Kill(entireProcessTree: true);
            }
        }

        var rest = await output;
        build.ExitCode.ShouldBe(130, rest + await error);
        rest.ShouldContain("RunE2E was interrupted.");
        rest.ShouldContain("(exit code 130)");
        (await RunningAsync(child)).ShouldBeFalse("the e2e command outlived the interrupted build");
    }

    private static async Task<bool> RunningAsync(string commandLine)
    {
        using var pgrep = Process.Start(new ProcessStartInfo("pgrep", ["-f", commandLine]) { RedirectStandardOutput = true })!;
        await pgrep.WaitForExitAsync();
        return pgrep.ExitCode == 0;
    }
}
