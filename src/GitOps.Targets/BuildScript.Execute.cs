using System.Diagnostics;
using System.Linq.Expressions;
using GitOps.Targets.Cli;
using GitOps.Targets.Errors;
using GitOps.Targets.Execution;
using GitOps.Targets.Files;
using GitOps.Targets.Output;
using GitOps.Targets.Parameters;
using GitOps.Targets.Planning;
using GitOps.Targets.Tooling;

namespace GitOps.Targets;

public abstract partial class BuildScript
{
    public const int ExitSuccess = 0;
    public const int ExitTargetFailed = 1;
    public const int ExitUsage = 2;
    public const int ExitInterrupted = 130;

    /// <summary>The entry point: <c>public static Task&lt;int&gt; Main(string[] args) => Execute&lt;Build&gt;(args, x => x.Verify);</c></summary>
    public static async Task<int> Execute<T>(string[] args, Expression<Func<T, Target>> defaultTarget)
        where T : BuildScript, new()
    {
        using var interrupt = new CancellationTokenSource();
        return await Execute<T>(args, defaultTarget, BuildHost.FromProcess(interrupt));
    }

    /// <summary>Runs the build against a given host; the only place where outcomes become exit codes.</summary>
    public static async Task<int> Execute<T>(IReadOnlyList<string> args, Expression<Func<T, Target>> defaultTarget, BuildHost host)
        where T : BuildScript, new()
    {
        ArgumentNullException.ThrowIfNull(host);
        var masker = new SecretMasker();
        string? root = null;
        try
        {
            var commandLine = CommandLine.Parse(args);
            var style = ConsoleStyle.Detect(host.OutputRedirected, host.Variable);
            var build = new T();
            root = RootFinder.Find(commandLine.Single("root"), host.WorkingDirectory, host.BuildDirectory, build.RepositoryMarkers);
            using var log = new BuildLog(host.Out, masker, style, EngineOptions.Verbosity(commandLine), host.Variable("GITLAB_CI") == "true");
            build.Initialize(host, root, log, new ToolLocator(Path.Combine(root, ".nuke", "tools")));
            return await build.RunAsync(commandLine, MemberName(defaultTarget), log);
        }
        catch (UsageException exception)
        {
            await host.Error.WriteLineAsync(masker.Apply($"error: {exception.Message}"));
            return ExitUsage;
        }
        catch (OperationCanceledException) when (host.Interrupted.IsCancellationRequested)
        {
            await host.Error.WriteLineAsync("Build interrupted.");
            return ExitInterrupted;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The last resort: one masked line, never a crash; the stack trace goes to the log file only.
            await host.Error.WriteLineAsync(masker.Apply($"error: {FailureMessage.For(exception)}"));
            AppendToLogFile(root, masker.Apply(exception.ToString()));
            return ExitTargetFailed;
        }
    }

    /// <summary>Best effort: the log file may be what failed, and an error here must not hide the first one.</summary>
    private static void AppendToLogFile(string? root, string text)
    {
        if (root is null || !Directory.Exists(Path.Combine(root, ".nuke")))
        {
            return;
        }

        try
        {
            var path = Path.Combine(root, FailureMessage.LogFile);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.AppendAllText(path, $"{DateTimeOffset.UtcNow:O} unexpected error{Environment.NewLine}{text}{Environment.NewLine}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Nothing better to do: the console already has the one line.
        }
    }

    private async Task<int> RunAsync(CommandLine commandLine, string defaultTarget, BuildLog buildLog)
    {
        var graph = TargetGraph.FromBuild(this);
        DeclaredTargets = [.. graph.Nodes.Select(node => new TargetDescription(node.Name, node.Description, node.DependsOn, node.After, node.Triggers, node.Unlisted))];
        var parameters = ParameterDescriptor.Discover(GetType());
        commandLine = commandLine.WithFlags(
            parameters.Where(parameter => parameter.IsBoolean && !parameter.IsArray).Select(parameter => parameter.Name),
            [.. graph.Nodes.Select(node => node.Name)]);
        var parallelism = EngineOptions.Parallelism(commandLine);
        var bound = Bind(commandLine, parameters, buildLog);
        await SchemaWriter.WriteIfChangedAsync(Path.Combine(RootDirectory, ".nuke", "build.schema.json"), graph, parameters);
        if (commandLine.Has("help"))
        {
            buildLog.WriteRaw(HelpWriter.Write(Title, graph, defaultTarget, bound));
            return ExitSuccess;
        }

        await OnBuildInitializedAsync(Host.Interrupted);
        var invoked = graph.Resolve(EngineOptions.RequestedTargets(commandLine, defaultTarget), flag: null);
        var plan = Planner.Plan(graph, invoked, EngineOptions.Skip(commandLine));
        if (commandLine.Has("plan"))
        {
            IsPlanOnly = true;
            RequirementCheck.ThrowIfInvalid(plan);
            buildLog.WriteRaw(PlanWriter.Text(plan));
            var mermaid = Path.Combine(TemporaryDirectory, "plan.mmd");
            await AtomicFile.WriteAllTextAsync(mermaid, PlanWriter.Mermaid(plan));
            buildLog.WriteRaw($"Mermaid graph written to {Path.GetRelativePath(RootDirectory, mermaid)}{Environment.NewLine}");
            return ExitSuccess;
        }

        RequirementCheck.ThrowIfUnmet(plan, parameters);
        buildLog.OpenFile(Path.Combine(TemporaryDirectory, "build.log"));
        if (!commandLine.Has("no-logo") && buildLog.Verbosity >= Verbosity.Normal)
        {
            buildLog.WriteRaw(buildLog.Style.Bold($"{Title}: {string.Join(", ", invoked.Select(node => node.Name))}") + Environment.NewLine);
        }

        var clock = Stopwatch.StartNew();
        IReadOnlyList<TargetOutcome> outcomes;
        try
        {
            await ToolCheck.EnsureAsync(plan, new ToolLocator(ToolsDirectory), buildLog, Host.Interrupted);
            outcomes = await new Executor(graph, plan, buildLog, parallelism).RunAsync(Host.Interrupted);
        }
        catch (BuildFailedException exception)
        {
            buildLog.Write(LogLevel.Error, $"Nothing was run: {exception.Message}");
            outcomes = [.. plan.Targets.Select(target => new TargetOutcome(target.Name, TargetStatus.NotRun, TimeSpan.Zero, "a required tool is missing"))];
        }
        catch (OperationCanceledException) when (Host.Interrupted.IsCancellationRequested)
        {
            buildLog.Write(LogLevel.Error, "Interrupted while preparing tools; nothing was run.");
            outcomes = [.. plan.Targets.Select(target => new TargetOutcome(target.Name, TargetStatus.NotRun, TimeSpan.Zero, "interrupted"))];
        }

        var exitCode = ExitCodeOf(outcomes);
        buildLog.WriteRaw(SummaryWriter.Write(outcomes, clock.Elapsed, exitCode, buildLog.Style));
        return exitCode;
    }

    private IReadOnlyList<ParameterValue> Bind(CommandLine commandLine, IReadOnlyList<ParameterDescriptor> parameters, BuildLog buildLog)
    {
        var binder = new ParameterBinder(parameters, buildLog.Masker);
        var nuke = Path.Combine(RootDirectory, ".nuke");
        try
        {
            var bound = binder.Bind(this, commandLine, Host.Environment, nuke, commandLine.Single("profile"));
            if (InPipeline)
            {
                PipelineVariableGuard.ThrowIfFromVariables(bound);
            }

            return bound;
        }
        catch (UsageException exception) when (commandLine.Has("help"))
        {
            // Help must still help when a stray variable or file holds a bad value: say so, then show the defaults.
            Host.Error.WriteLine(buildLog.Masker.Apply($"warning: {exception.Message}"));
            return binder.Bind(this, new CommandLine([], []), new System.Collections.Hashtable(), Path.Combine(nuke, "(ignored)"), profile: null);
        }
    }

    private int ExitCodeOf(IReadOnlyList<TargetOutcome> outcomes)
    {
        if (Host.Interrupted.IsCancellationRequested)
        {
            return ExitInterrupted;
        }

        if (outcomes.Any(outcome => outcome.IsUsageFailure))
        {
            return ExitUsage;
        }

        return outcomes.Any(outcome => outcome.Blocks) ? ExitTargetFailed : ExitSuccess;
    }

    private static string MemberName<T>(Expression<Func<T, Target>> expression) =>
        expression.Body is MemberExpression member
            ? member.Member.Name
            : throw new ArgumentException("The default target must be a property access such as x => x.Verify.", nameof(expression));
}
