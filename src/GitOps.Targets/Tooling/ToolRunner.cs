using System.Diagnostics;
using System.Text;
using GitOps.Targets.Output;

namespace GitOps.Targets.Tooling;

/// <summary>Runs tools as child processes; output is streamed line by line through the (masking) build log.</summary>
public sealed class ToolRunner(ToolLocator locator, ILog log, SecretMasker masker) : IToolRunner
{
    private const int StderrLinesInFailure = 15;
    private static readonly TimeSpan OutputGracePeriod = TimeSpan.FromSeconds(5);

    public async Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var described = Describe(invocation);
        var executable = locator.Find(invocation.Tool)
            ?? throw new ToolFailedException(
                $"{invocation.Tool} was not found on PATH or under {locator.ToolsDirectory}; cannot run: {described}");

        using var process = new Process { StartInfo = CreateStartInfo(executable, invocation) };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var stderrTail = new Queue<string>();
        log.Debug($"> {described}");
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new ToolFailedException($"{described} could not be started: {exception.Message}", exception);
        }

        var readOut = PumpAsync(process.StandardOutput, line => Capture(stdout, line, invocation, LogLevel.Info));
        var readErr = PumpAsync(process.StandardError, line =>
        {
            Capture(stderr, line, invocation, LogLevel.Info);
            lock (stderrTail)
            {
                stderrTail.Enqueue(line);
                if (stderrTail.Count > StderrLinesInFailure)
                {
                    stderrTail.Dequeue();
                }
            }
        });
        await WriteInputAsync(process, invocation.StandardInput);

        using var timeout = invocation.Timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token);
            await DrainAsync(readOut, readErr, linked.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await DrainAsync(readOut, readErr, CancellationToken.None);
            if (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new ToolFailedException($"{described} did not finish within {Duration(invocation.Timeout!.Value)}; it was stopped with its child processes") { TimedOut = true };
            }

            throw;
        }

        var result = new ToolResult(process.ExitCode, stdout.ToString(), stderr.ToString());
        if (!result.Succeeded && invocation.ThrowOnFailure)
        {
            string tail;
            lock (stderrTail)
            {
                tail = string.Join(Environment.NewLine, stderrTail.Select(line => "  " + masker.Apply(line)));
            }

            var message = $"{described} failed with exit code {result.ExitCode}"
                + (tail.Length > 0 ? $"; last lines of stderr:{Environment.NewLine}{tail}" : string.Empty);
            throw new ToolFailedException(message) { ExitCode = result.ExitCode };
        }

        return result;
    }

    /// <summary>
    /// Waits for the last output lines, but not forever: a background child (a port-forward, a credential helper) can keep
    /// the pipes open long after the tool itself exited.
    /// </summary>
    private async Task DrainAsync(Task readOut, Task readErr, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(readOut, readErr).WaitAsync(OutputGracePeriod, cancellationToken);
        }
        catch (TimeoutException)
        {
            log.Debug($"output pipes still open {OutputGracePeriod.TotalSeconds:0}s after the tool exited (a background process holds them); not waiting");
        }
    }

    /// <summary>A limit as people write it (3s, 20m, 1.5s), not as TimeSpan prints it.</summary>
    public static string Duration(TimeSpan limit) =>
        limit.TotalMinutes >= 1 && limit.TotalMinutes == Math.Floor(limit.TotalMinutes)
            ? $"{limit.TotalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)}m"
            : $"{Math.Round(limit.TotalSeconds, 3).ToString(System.Globalization.CultureInfo.InvariantCulture)}s";

    private string Describe(ToolInvocation invocation) =>
        masker.Apply(string.Join(' ', invocation.Arguments.Select(Quote).Prepend(invocation.Tool)));

    private static string Quote(string argument) =>
        argument.Length == 0 || argument.Any(char.IsWhiteSpace) ? $"\"{argument}\"" : argument;

    private void Capture(StringBuilder buffer, string line, ToolInvocation invocation, LogLevel level)
    {
        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }

        if (invocation.StreamOutput)
        {
            log.Write(level, line);
        }
    }

    private static ProcessStartInfo CreateStartInfo(string executable, ToolInvocation invocation)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = invocation.StandardInput is not null,
            UseShellExecute = false,
            WorkingDirectory = invocation.WorkingDirectory ?? Directory.GetCurrentDirectory(),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in invocation.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in invocation.Environment)
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

        return info;
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            onLine(line);
        }
    }

    private static async Task WriteInputAsync(Process process, string? input)
    {
        if (input is null)
        {
            return;
        }

        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited between the cancellation and the kill.
        }
    }
}
