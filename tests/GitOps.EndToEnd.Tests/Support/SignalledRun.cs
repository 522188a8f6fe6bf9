using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GitOps.EndToEnd.Tests.Support;

/// <summary>
/// A bootstrap started in a session of its own (<c>setsid</c>), to be signalled as a CI runner, a service manager or a
/// terminal would. It can never hang the test host: every wait is bounded, output is read without waiting for the
/// pipes to close (a surviving child may hold them), and whatever is left of it is killed on dispose. "Left of it":
/// processes of its session and processes whose command line names <see cref="Marker"/> (the test repository), which
/// also covers the pty session <c>script</c> makes.
/// </summary>
public sealed class SignalledRun : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    private SignalledRun(Process process, string marker)
    {
        this.process = process;
        Marker = marker;
    }

    public string Marker { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (error)
            {
                return error.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="file"/> as the leader of a new session; its process id is the session's and the group's.</summary>
    public static SignalledRun Start(string marker, string directory, IReadOnlyDictionary<string, string?> environment, string file, params string[] args)
    {
        // perl first puts SIGINT and SIGQUIT back to their defaults: a test host started in the background of a
        // non-interactive shell inherits them ignored, and an ignored signal cannot be trapped by the scripts under test,
        // whereas a terminal's or a runner's never is.
        var info = new ProcessStartInfo("perl")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var word in new[] { "-e", "$SIG{INT} = $SIG{QUIT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec setsid: $!\\n\";", "setsid" })
        {
            info.ArgumentList.Add(word);
        }

        info.ArgumentList.Add(file);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = Process.Start(info)!;
        var run = new SignalledRun(process, marker);
        process.OutputDataReceived += (_, line) => Append(run.output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(run.error, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails naming <paramref name="what"/> after two minutes.</summary>
    public void WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (process.HasExited || clock.Elapsed > Patience)
            {
                throw new TimeoutException($"never saw {what} (exited: {process.HasExited}); output: {Output} error: {Error}");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>True while a process of this run has <paramref name="part"/> in its command line.</summary>
    public bool Running(string part) => Survivors().Any(survivor => survivor.Contains(part, StringComparison.Ordinal));

    /// <summary>Sends <paramref name="signal"/> (TERM, INT) to the leader alone, or to its whole process group as a terminal's Ctrl-C does.</summary>
    public void Signal(string signal, bool wholeGroup = false)
    {
        var target = (wholeGroup ? "-" : string.Empty) + process.Id.ToString(CultureInfo.InvariantCulture);
        var kill = ProcessResult.Run("kill", ["-s", signal, "--", target], "/", new Dictionary<string, string?>(), TimeSpan.FromSeconds(30));
        kill.ExitCode.ShouldBe(0, kill.Error);
    }

    /// <summary>Types into the run's standard input (a pty's, under <c>script</c>).</summary>
    public void Type(string text)
    {
        process.StandardInput.Write(text);
        process.StandardInput.Flush();
    }

    /// <summary>The exit code, within two minutes; after it, the survivors are killed and the test fails.</summary>
    public int WaitForExit()
    {
        if (!process.WaitForExit(Patience))
        {
            KillAll();
            throw new TimeoutException($"did not exit within {Patience} of the signal; output: {Output} error: {Error}");
        }

        // The exit is known; the last lines may still be on their way through the pipes.
        Thread.Sleep(200);
        return process.ExitCode;
    }

    /// <summary>The command lines of what is left, after giving children a few seconds to finish exiting.</summary>
    public IReadOnlyList<string> SurvivorsAfterExit()
    {
        var clock = Stopwatch.StartNew();
        var left = Survivors();
        while (left.Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(100);
            left = Survivors();
        }

        return left;
    }

    public void Dispose()
    {
        KillAll();
        process.Dispose();
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is not null)
        {
            lock (target)
            {
                target.Append(line).Append('\n');
            }
        }
    }

    private void KillAll()
    {
        foreach (var pid in SurvivorIds())
        {
            try
            {
                using var survivor = Process.GetProcessById(pid);
                survivor.Kill();
            }
            catch (ArgumentException)
            {
                // Gone already.
            }
            catch (InvalidOperationException)
            {
                // Gone already.
            }
        }
    }

    private List<string> Survivors() =>
        SurvivorIds().Select(pid => CommandLine(pid)).Where(line => line.Length > 0).ToList();

    private List<int> SurvivorIds()
    {
        var found = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                // stat: "pid (comm) state ppid pgrp session ...", and comm may hold spaces and parentheses.
                var stat = File.ReadAllText(Path.Combine(entry, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var inSession = fields[3] == process.Id.ToString(CultureInfo.InvariantCulture);
                var state = fields[0];
                if (state != "Z" && (inSession || CommandLine(pid).Contains(Marker, StringComparison.Ordinal)))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // Exited while being read.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        return found;
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
