using GitOps.TestDoubles.Kubernetes;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Lifecycle;

/// <summary>
/// Runs the real terraform and writes each command onto the fake cluster's timeline, with how many Applications of
/// the environment existed at that moment, so tests can assert what happened before a terraform destroy.
/// </summary>
internal sealed class TimelineToolRunner(IToolRunner inner, FakeKubeApiServer server, Func<int> environmentApplications) : IToolRunner
{
    private readonly List<string> commands = [];

    /// <summary>Commands as <c>&lt;module folder&gt; &lt;command&gt;</c>, e.g. <c>environment-cluster apply</c>.</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (commands)
            {
                return [.. commands];
            }
        }
    }

    /// <summary>GOOGLE_APPLICATION_CREDENTIALS as each terraform run got it, and whether that file existed then.</summary>
    public List<(string? Path, bool Existed)> GoogleCredentialsSeen { get; } = [];

    public void Clear()
    {
        lock (commands)
        {
            commands.Clear();
        }
    }

    public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken)
    {
        var module = Path.GetFileName(invocation.WorkingDirectory ?? string.Empty);
        lock (commands)
        {
            commands.Add($"{module} {invocation.Arguments[0]}");
        }

        var credentials = invocation.Environment.GetValueOrDefault("GOOGLE_APPLICATION_CREDENTIALS");
        lock (commands)
        {
            GoogleCredentialsSeen.Add((credentials, credentials is not null && File.Exists(credentials)));
        }

        server.Calls.Record("external", $"terraform-{invocation.Arguments[0]}", module, detail: $"applications={environmentApplications()}");
        return inner.RunAsync(invocation, cancellationToken);
    }
}
