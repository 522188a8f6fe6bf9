using GitOps.Targets.Tooling;

namespace GitOps.Platform.Toolchain;

/// <summary>
/// Runs every tool with the environment <see cref="ToolEnvironment"/> builds for it instead of the build's whole
/// environment. The build wraps its tool runner in this once, so every launch goes through it; in a pipeline the
/// first launch creates <paramref name="home"/>, the HOME every tool gets there.
/// </summary>
public sealed class IsolatedToolRunner(IToolRunner inner, Func<bool> inPipeline, PipelineToolHome home) : IToolRunner
{
    public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(home);
        var pipeline = inPipeline();
        var environment = new ToolEnvironment(pipeline, pipeline ? home.Ensure() : null)
            .For(invocation.Tool, invocation.Environment, Environment.GetEnvironmentVariables());
        return inner.RunAsync(invocation with { Environment = environment }, cancellationToken);
    }
}
