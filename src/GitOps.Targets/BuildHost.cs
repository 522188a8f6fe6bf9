using System.Collections;
using System.Runtime.InteropServices;

namespace GitOps.Targets;

/// <summary>
/// What a build runs against: output writers, environment, working directory and the interrupt signal.
/// The real process supplies its own; tests supply writers and variables of their own.
/// </summary>
public sealed class BuildHost
{
    private static PosixSignalRegistration? terminationSignal;

    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required IDictionary Environment { get; init; }

    public required string WorkingDirectory { get; init; }

    public bool OutputRedirected { get; init; } = true;

    /// <summary>
    /// Where the compiled build lives (under <c>&lt;root&gt;/.nuke/temp/</c> when build.sh compiled it), so the root is
    /// found from there even when build.sh is called from another directory. Null in tests.
    /// </summary>
    public string? BuildDirectory { get; init; }

    public CancellationToken Interrupted { get; init; }

    /// <summary>The real console; Ctrl+C and SIGTERM cancel <see cref="Interrupted"/> so running targets can stop.</summary>
    public static BuildHost FromProcess(CancellationTokenSource interrupt)
    {
        ArgumentNullException.ThrowIfNull(interrupt);
        var signals = new InterruptSignals(interrupt, TimeProvider.System);
        Console.CancelKeyPress += (_, args) => args.Cancel = signals.Handle();
        // Kept in a field: a collected registration would silently stop handling SIGTERM.
        // SIGTERM (a CI job cancelled, docker stop, timeout) as Ctrl+C.
        terminationSignal = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = signals.Handle());
        return new BuildHost
        {
            Out = Console.Out,
            Error = Console.Error,
            Environment = System.Environment.GetEnvironmentVariables(),
            WorkingDirectory = Directory.GetCurrentDirectory(),
            OutputRedirected = Console.IsOutputRedirected,
            BuildDirectory = AppContext.BaseDirectory,
            Interrupted = interrupt.Token,
        };
    }

    public string? Variable(string name) => Environment[name] as string;

    /// <summary>A snapshot of the environment as a typed dictionary, for libraries that take one.</summary>
    public IReadOnlyDictionary<string, string?> Variables() =>
        Environment.Keys.OfType<string>().ToDictionary(key => key, key => Environment[key] as string, StringComparer.Ordinal);
}
