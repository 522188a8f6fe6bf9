using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Git;

/// <summary>
/// The git command line in one working directory. Plumbing reads run quietly; credentials found in URLs are
/// registered with the secret masker before any command that carries them runs.
/// </summary>
public sealed partial class GitCli(IToolRunner runner, string workingDirectory, ISecretRegistry? secrets = null)
{
    private static readonly TimeSpan NetworkTimeout = TimeSpan.FromMinutes(5);

    public string WorkingDirectory { get; } = workingDirectory;

    /// <summary>Variables added to git's environment (tests isolate from the user's config with GIT_CONFIG_GLOBAL).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The same git in another directory (a worktree, a clone).</summary>
    public GitCli In(string directory) => new(runner, directory, secrets) { Environment = Environment };

    /// <summary>Runs <c>git</c> with the arguments; throws <see cref="ToolFailedException"/> on a non-zero exit.</summary>
    public async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool quiet = true)
    {
        var result = await RunRawAsync(arguments, quiet, throwOnFailure: true, cancellationToken);
        return result.StandardOutput;
    }

    internal async Task<ToolResult> RunRawAsync(
        IReadOnlyList<string> arguments, bool quiet, bool throwOnFailure, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        foreach (var secret in arguments.SelectMany(RemoteUrl.SecretsIn))
        {
            secrets?.Register(secret);
        }

        var invocation = new ToolInvocation("git", arguments)
        {
            WorkingDirectory = WorkingDirectory,
            StreamOutput = !quiet,
            ThrowOnFailure = throwOnFailure,
            Timeout = timeout,

            // Never wait for a password prompt in CI, and keep paths unescaped in porcelain output.
            Environment = new Dictionary<string, string?>(Environment)
            {
                ["GIT_TERMINAL_PROMPT"] = "0",
                ["GIT_PAGER"] = "cat",
                ["LC_ALL"] = "C",
            },
        };
        return await runner.RunAsync(invocation, cancellationToken);
    }

    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
