using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace GitOps.Targets.Tests.Support;

/// <summary>Runs a build in-process against a temp repository root and captures what it printed and which targets ran.</summary>
internal sealed class BuildRun : IDisposable
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Journal = new();

    public BuildRun()
    {
        Root = Directory.CreateTempSubdirectory("gitops-engine-").FullName;
        Directory.CreateDirectory(Path.Combine(Root, ".nuke"));
        Environment["RUN_ID"] = Id;
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public string Root { get; }

    public Hashtable Environment { get; } = new();

    public CancellationTokenSource Interrupt { get; } = new();

    /// <summary>False pretends the output is a terminal (colours unless NO_COLOR).</summary>
    public bool OutputRedirected { get; set; } = true;

    /// <summary>Where the test pretends to run from (default: the root).</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>Where the test pretends the compiled build lives (default: nowhere, as in-process).</summary>
    public string? BuildDirectory { get; set; }

    public string Output { get; private set; } = string.Empty;

    public string Error { get; private set; } = string.Empty;

    public int ExitCode { get; private set; }

    public IReadOnlyList<string> Ran => Journal.TryGetValue(Id, out var entries) ? [.. entries] : [];

    public static void Record(BuildHost host, string entry) =>
        Journal.GetOrAdd((string)host.Environment["RUN_ID"]!, _ => new ConcurrentQueue<string>()).Enqueue(entry);

    public async Task<int> RunAsync<T>(Expression<Func<T, Target>> defaultTarget, params string[] args)
        where T : BuildScript, new()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var host = new BuildHost
        {
            Out = output,
            Error = error,
            Environment = Environment,
            WorkingDirectory = WorkingDirectory ?? Root,
            BuildDirectory = BuildDirectory,
            Interrupted = Interrupt.Token,
            OutputRedirected = OutputRedirected,
        };
        ExitCode = await BuildScript.Execute(args, defaultTarget, host);
        Output = output.ToString();
        Error = error.ToString();
        return ExitCode;
    }

    public string LogFile => File.ReadAllText(Path.Combine(Root, ".nuke", "temp", "build.log"));

    public void Dispose()
    {
        Interrupt.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
