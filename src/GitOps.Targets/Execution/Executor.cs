using System.Diagnostics;
using GitOps.Targets.Errors;
using GitOps.Targets.Output;
using GitOps.Targets.Planning;

namespace GitOps.Targets.Execution;

/// <summary>
/// Runs a plan: each target once its predecessors in the plan are done, up to <c>parallelism</c> at a time.
/// A failure stops the build (nothing new starts but assured targets) unless the failing target is marked
/// ProceedAfterFailure, in which case only the targets that depend on it are left out. After Ctrl+C only assured ones start.
/// </summary>
internal sealed class Executor(TargetGraph graph, ExecutionPlan plan, BuildLog log, int parallelism)
{
    private readonly Dictionary<string, TargetOutcome> outcomes = new(StringComparer.OrdinalIgnoreCase);
    private bool failed;

    public async Task<IReadOnlyList<TargetOutcome>> RunAsync(CancellationToken interrupted)
    {
        var pending = plan.Targets.ToList();
        var running = new Dictionary<Task<TargetOutcome>, PlannedTarget>();
        while (pending.Count > 0 || running.Count > 0)
        {
            foreach (var target in pending.Where(IsReady).ToList())
            {
                if (Decide(target, interrupted) is { } decided)
                {
                    Record(decided);
                    pending.Remove(target);
                }
                else if (running.Count < parallelism)
                {
                    pending.Remove(target);
                    running[RunAsync(target, interrupted)] = target;
                }
            }

            if (running.Count == 0)
            {
                continue;
            }

            var finished = await Task.WhenAny(running.Keys);
            running.Remove(finished);
            Record(await finished);
        }

        return [.. plan.Targets.Select(target => outcomes[target.Name])];
    }

    private bool IsReady(PlannedTarget target) =>
        plan.PredecessorsOf(target.Node, graph).All(outcomes.ContainsKey);

    /// <summary>The outcome of a target that will not start, or null when it should run.</summary>
    private TargetOutcome? Decide(PlannedTarget target, CancellationToken interrupted)
    {
        var node = target.Node;
        if (target.SkipReason is { } reason)
        {
            return new TargetOutcome(node.Name, TargetStatus.Skipped, TimeSpan.Zero, reason);
        }

        if (node.AssuredAfterFailure)
        {
            return null;
        }

        if (interrupted.IsCancellationRequested)
        {
            return new TargetOutcome(node.Name, TargetStatus.NotRun, TimeSpan.Zero, "interrupted");
        }

        var blocked = node.DependsOn.Where(name => outcomes.TryGetValue(name, out var outcome) && outcome.Blocks).ToList();
        if (blocked.Count > 0)
        {
            return new TargetOutcome(node.Name, TargetStatus.NotRun, TimeSpan.Zero, $"{string.Join(", ", blocked)} did not succeed");
        }

        return failed
            ? new TargetOutcome(node.Name, TargetStatus.NotRun, TimeSpan.Zero, "an earlier target failed")
            : null;
    }

    private void Record(TargetOutcome outcome)
    {
        outcomes[outcome.Name] = outcome;
        var proceeds = graph.TryGet(outcome.Name, out var node) && node.ProceedAfterFailure;
        failed |= outcome.Status is TargetStatus.Failed or TargetStatus.Aborted && !proceeds;
    }

    private async Task<TargetOutcome> RunAsync(PlannedTarget target, CancellationToken interrupted)
    {
        // Yield so the scheduler can start sibling targets before this one does any synchronous work.
        await Task.Yield();
        var node = target.Node;
        var scope = log.BeginTarget(node.Name, buffered: parallelism > 1);
        var clock = Stopwatch.StartNew();
        try
        {
            if (node.DynamicConditions.FirstOrDefault(condition => !condition.Evaluate()) is { } condition)
            {
                log.Write(LogLevel.Info, $"Skipped: {condition.Expression}");
                return new TargetOutcome(node.Name, TargetStatus.Skipped, clock.Elapsed, condition.Expression);
            }

            // Assured targets (cleanup) must still be able to run after Ctrl+C.
            var token = node.AssuredAfterFailure ? CancellationToken.None : interrupted;
            foreach (var action in node.Actions)
            {
                await action(token);
            }

            if (node.Actions.Count == 0)
            {
                log.Write(LogLevel.Debug, "No actions of its own: it only groups its dependencies.");
            }

            return new TargetOutcome(node.Name, TargetStatus.Succeeded, clock.Elapsed, null);
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            log.Write(LogLevel.Error, $"{node.Name} was interrupted.");
            return new TargetOutcome(node.Name, TargetStatus.Aborted, clock.Elapsed, "interrupted");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var message = FailureMessage.For(exception);
            log.Write(LogLevel.Error, $"{node.Name} failed: {message}");
            // Not even --verbosity verbose shows it: a stack trace is for whoever debugs the build, not its user.
            log.WriteFileOnly(LogLevel.Debug, exception.ToString());

            return new TargetOutcome(node.Name, TargetStatus.Failed, clock.Elapsed, message)
            {
                IsUsageFailure = exception is UsageException,
            };
        }
        finally
        {
            log.EndTarget(scope);
        }
    }
}
