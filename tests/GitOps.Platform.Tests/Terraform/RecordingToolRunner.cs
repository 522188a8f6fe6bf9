using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Terraform;

/// <summary>Passes every run to the real runner and remembers the commands, to assert what was (not) run.</summary>
internal sealed class RecordingToolRunner(IToolRunner inner) : IToolRunner
{
    private readonly List<ToolInvocation> invocations = [];

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (invocations)
            {
                return [.. invocations.Select(invocation => invocation.Arguments[0])];
            }
        }
    }

    public void Clear()
    {
        lock (invocations)
        {
            invocations.Clear();
        }
    }

    public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        lock (invocations)
        {
            invocations.Add(invocation);
        }

        return inner.RunAsync(invocation, cancellationToken);
    }
}
