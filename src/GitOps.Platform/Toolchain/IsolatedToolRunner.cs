using GitOps.Targets.Tooling;

namespace GitOps.Platform.Toolchain;

/// <summary>
/// Runs every tool with the environment <see cref="ToolEnvironment"/> builds for it instead of the build's whole
/// environment. The build wraps its tool runner in this once, so every launch goes through it.
/// </summary>
public sealed class IsolatedToolRunner(IToolRunner inner, Func<bool> inPipeline) : IToolRunner
{
    public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var environment = new ToolEnvironment(inPipeline()).For(invocation.Tool, invocation.Environment, Environment.GetEnvironmentVariables());
        return inner.RunAsync(invocation with { Environment = environment }, cancellationToken);
    }
}
