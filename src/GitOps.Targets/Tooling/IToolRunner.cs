namespace GitOps.Targets.Tooling;

/// <summary>
/// Runs external tools with streamed, masked output, timeouts and cancellation (the whole process tree is killed).
/// A failure throws <see cref="ToolFailedException"/> naming the tool, its masked arguments, the exit code and the
/// last lines of stderr.
/// </summary>
public interface IToolRunner
{
    Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken);
}
