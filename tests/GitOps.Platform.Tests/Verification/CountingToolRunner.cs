using System.Collections.Concurrent;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Verification;

/// <summary>Runs every tool for real and records each invocation's tool and arguments.</summary>
internal sealed class CountingToolRunner(IToolRunner inner) : IToolRunner
{
    private readonly ConcurrentQueue<ToolInvocation> invocations = new();

    /// <summary>How many invocations of a tool whose file name is <paramref name="tool"/> began with <paramref name="command"/>.</summary>
    public int Count(string tool, string command) =>
        invocations.Count(invocation => Path.GetFileName(invocation.Tool) == tool && invocation.Arguments.Count > 0 && invocation.Arguments[0] == command);

    public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        invocations.Enqueue(invocation);
        return inner.RunAsync(invocation, cancellationToken);
    }
}
