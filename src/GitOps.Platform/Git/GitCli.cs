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

        // Never wait for a password prompt in CI, and keep paths unescaped in porcelain output.
        var environment = new Dictionary<string, string?>(Environment)
        {
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_PAGER"] = "cat",
            ["LC_ALL"] = "C",
        };
        if (IsNetwork(arguments) && await SshCommandAsync(cancellationToken) is { } ssh)
        {
            environment["GIT_SSH_COMMAND"] = ssh;
        }

        var invocation = new ToolInvocation("git", arguments)
        {
            WorkingDirectory = WorkingDirectory,
            StreamOutput = !quiet,
            ThrowOnFailure = throwOnFailure,
            Timeout = timeout,
            Environment = environment,

            // Closed: nothing git or ssh could read from it (a passphrase, a "yes" for a host key) is ever typed here.
            StandardInput = string.Empty,
        };
        return await runner.RunAsync(invocation, cancellationToken);
    }

    /// <summary>The ssh command network commands run with (<see cref="BatchModeSsh"/>), from this clone's git config; read once.</summary>
    private Task<string?> SshCommandAsync(CancellationToken cancellationToken) => sshCommand ??= ReadSshCommandAsync(cancellationToken);

    private Task<string?>? sshCommand;

    private async Task<string?> ReadSshCommandAsync(CancellationToken cancellationToken)
    {
        // Exit 1 when neither key is set; run through RunRawAsync, which never asks for this (config is no network command).
        var result = await RunRawAsync(["config", "-z", "--get-regexp", BatchModeSsh.ConfigPattern], quiet: true, throwOnFailure: false, cancellationToken);
        var (command, variant) = BatchModeSsh.Parse(result.Succeeded ? result.StandardOutput : string.Empty);
        return BatchModeSsh.Command(command, variant);
    }

    /// <summary>Whether the git command talks to a remote (after any leading -c name=value and -C directory options).</summary>
    private static bool IsNetwork(IReadOnlyList<string> arguments)
    {
        var index = 0;
        while (index < arguments.Count - 1 && arguments[index] is "-c" or "-C")
        {
            index += 2;
        }

        return index < arguments.Count && arguments[index] is "fetch" or "pull" or "push" or "ls-remote" or "clone";
    }

    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
