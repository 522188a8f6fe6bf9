using GitOps.Platform.Promotion;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.E2e;

/// <summary>
/// Runs the e2e suite against one environment and leaves, under <c>.nuke/temp/e2e/</c>, a JUnit report for GitLab and
/// the <see cref="E2eRecord"/> that OpenPromotionMR reads. A failing suite is a result, not an exception.
/// </summary>
public sealed class E2eRunner(IToolRunner runner, ILog log, TimeProvider? clock = null)
{
    private readonly TimeProvider time = clock ?? TimeProvider.System;

    public async Task<E2eRecord> RunAsync(E2eRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var store = E2eRecordStore.ForRepository(request.RepositoryRoot);
        var junit = store.JUnitPath(request.Stage, request.Cloud);
        Directory.CreateDirectory(store.Directory);
        File.Delete(junit);

        var started = time.GetUtcNow();
        // The suite's own settings (E2E_*, e.g. E2E_SIMULATE_FAILURE or its test users' credentials) are handed to it on
        // purpose: the tool environment (ToolEnvironment) passes nothing else of the build's environment.
        var environment = new Dictionary<string, string?>(SuiteSettings(), StringComparer.Ordinal);
        foreach (var (name, value) in request.Environment)
        {
            environment[name] = value;
        }

        foreach (var (name, value) in new Dictionary<string, string?>
        {
            ["STAGE"] = request.Stage,
            ["CLOUD"] = request.Cloud,
            ["RELEASE"] = request.Release,
            ["REVISION"] = request.Revision,
            ["BASE_URL"] = request.BaseUrl,
            ["JUNIT_PATH"] = junit,
        })
        {
            environment[name] = value;
        }

        log.Info($"e2e on {request.Stage}-{request.Cloud}: release {request.Release}{(request.Revision is null ? string.Empty : $", revision {request.Revision}")} at {request.BaseUrl}");
        var failure = await RunCommandAsync(request, environment, cancellationToken);

        var suite = $"e2e.{request.Stage}-{request.Cloud}";
        var report = JUnitReport.TryRead(junit)
            ?? JUnitReport.WriteSingleCase(junit, suite, string.Join(' ', request.Arguments.Prepend(request.Tool)), failure, started);
        var passed = failure is null && report.Failures == 0 && report.Errors == 0;
        var record = new E2eRecord(request.Stage, request.Cloud, request.Release, passed ? E2eResult.Passed : E2eResult.Failed,
            report.Tests, report.Failures + (failure is not null && report.Failures == 0 && report.Errors == 0 ? 1 : 0), report.Errors, report.Skipped,
            started, Path.GetRelativePath(request.RepositoryRoot, junit).Replace('\\', '/'))
        {
            Revision = request.Revision,
        };
        await store.WriteAsync(record, cancellationToken);
        log.Write(passed ? LogLevel.Success : LogLevel.Error, $"e2e {record.Environment} {record.Summary}");
        return record;
    }

    private static Dictionary<string, string?> SuiteSettings() =>
        System.Environment.GetEnvironmentVariables().Keys.OfType<string>()
            .Where(name => name.StartsWith("E2E_", StringComparison.Ordinal))
            .ToDictionary(name => name, name => System.Environment.GetEnvironmentVariable(name), StringComparer.Ordinal);

    /// <summary>Null when the command exited 0, else why it failed (exit code, timeout, not found), without its output.</summary>
    private async Task<string?> RunCommandAsync(E2eRunRequest request, Dictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var invocation = new ToolInvocation(request.Tool, request.Arguments)
        {
            WorkingDirectory = request.RepositoryRoot,
            Environment = environment,
            Timeout = request.Timeout,
            ThrowOnFailure = false,
        };
        try
        {
            var result = await runner.RunAsync(invocation, cancellationToken);
            return result.Succeeded ? null : $"the suite exited with code {result.ExitCode}; see the job log";
        }
        catch (ToolFailedException exception)
        {
            // Timeouts and missing tools land here; the message is already masked by the runner.
            return exception.Message;
        }
    }
}
