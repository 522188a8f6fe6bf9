using System.Globalization;

namespace GitOps.Targets.Output;

/// <summary>
/// The build's single output path: masks secrets, colours by level, groups each target's lines (buffered when targets run
/// in parallel, GitLab collapsible sections in CI), and mirrors everything to the log file.
/// </summary>
internal sealed class BuildLog(TextWriter console, SecretMasker masker, ConsoleStyle style, Verbosity verbosity, bool gitLabSections) : ILog, IDisposable
{
    private readonly Lock consoleGate = new();
    private readonly AsyncLocal<TargetScope?> scope = new();
    private StreamWriter? file;

    public ConsoleStyle Style => style;

    public Verbosity Verbosity => verbosity;

    public SecretMasker Masker => masker;

    public void OpenFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        file = new StreamWriter(path, append: false) { AutoFlush = true };
    }

    public void Write(LogLevel level, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var masked = masker.Apply(message);
        var current = scope.Value;
        WriteFile(current?.Name, level, masked);
        if (!IsShown(level))
        {
            return;
        }

        var line = style.Level(level, masked) + Environment.NewLine;
        if (current?.Buffer is { } buffer)
        {
            lock (buffer)
            {
                buffer.Append(line);
            }
        }
        else
        {
            WriteConsole(line);
        }
    }

    /// <summary>Masked, into the log file only (stack traces): never on the console, whatever the verbosity.</summary>
    public void WriteFileOnly(LogLevel level, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        WriteFile(scope.Value?.Name, level, masker.Apply(message));
    }

    /// <summary>Engine output (help, plan, summary): masked, not grouped.</summary>
    public void WriteRaw(string text)
    {
        var masked = masker.Apply(text);
        WriteFile(null, LogLevel.Info, masked.TrimEnd('\n'));
        WriteConsole(masked);
    }

    public TargetScope BeginTarget(string name, bool buffered)
    {
        var target = new TargetScope(name, buffered);
        scope.Value = target;
        WriteFile(name, LogLevel.Info, "started");
        if (verbosity < Verbosity.Normal)
        {
            // Quiet and minimal runs show only problems and the summary, not the target banners.
            return target;
        }

        var header = style.Bold(style.Cyan($"═══ {name}"));
        var block = gitLabSections
            ? $"\u001b[0Ksection_start:{Now()}:{SectionName(name)}[collapsed=false]\r\u001b[0K{header}{Environment.NewLine}"
            : header + Environment.NewLine;
        if (buffered)
        {
            target.Buffer!.Append(block);
            WriteConsole(style.Dim($"▶ {name} started") + Environment.NewLine);
        }
        else
        {
            WriteConsole(block);
        }

        return target;
    }

    public void EndTarget(TargetScope target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var end = gitLabSections && verbosity >= Verbosity.Normal ? $"\u001b[0Ksection_end:{Now()}:{SectionName(target.Name)}\r\u001b[0K{Environment.NewLine}" : string.Empty;
        if (target.Buffer is { } buffer)
        {
            string text;
            lock (buffer)
            {
                text = buffer.Append(end).ToString();
            }

            WriteConsole(text);
        }
        else if (end.Length > 0)
        {
            WriteConsole(end);
        }

        scope.Value = null;
    }

    public void Dispose() => file?.Dispose();

    private bool IsShown(LogLevel level) => verbosity switch
    {
        Verbosity.Quiet => level >= LogLevel.Error,
        Verbosity.Minimal => level >= LogLevel.Warning,
        Verbosity.Normal => level >= LogLevel.Info,
        _ => true,
    };

    private void WriteConsole(string text)
    {
        lock (consoleGate)
        {
            console.Write(text);
            console.Flush();
        }
    }

    private void WriteFile(string? target, LogLevel level, string message)
    {
        if (file is null)
        {
            return;
        }

        var stamp = DateTimeOffset.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        lock (file)
        {
            file.WriteLine($"{stamp} {level,-7} {(target is null ? string.Empty : $"[{target}] ")}{message}");
        }
    }

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string SectionName(string target) =>
        "target_" + new string([.. target.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? char.ToLowerInvariant(c) : '_')]);
}
