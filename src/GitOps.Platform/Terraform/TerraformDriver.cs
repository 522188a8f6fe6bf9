using System.Globalization;
using GitOps.Platform.Terraform.Internal;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Terraform;

/// <summary>
/// Runs the terraform CLI on one root module. Every command is non-interactive and colourless, waits
/// <see cref="TerraformSettings.LockTimeout"/> for a state lock, and keeps its working files in
/// <paramref name="dataDirectory"/> (TF_DATA_DIR) so environments sharing a module never share <c>.terraform</c>.
/// Relative paths (plan file, var files, data directory) are resolved against the current directory.
/// Failures throw <see cref="TerraformStateLockedException"/> for a held lock and <see cref="ToolFailedException"/> otherwise.
/// </summary>
public sealed class TerraformDriver(
    IToolRunner runner,
    ISecretRegistry secrets,
    ILog log,
    string moduleDirectory,
    string? dataDirectory,
    TerraformSettings settings)
{
    private const string Tool = "terraform";
    private const int NoChanges = 0;
    private const int HasChanges = 2;

    public string ModuleDirectory { get; } = moduleDirectory;

    /// <summary>
    /// Idempotent: safe to repeat, also after an interrupted run. With a committed lock file, init only installs the
    /// providers and hashes it names and never rewrites it (<see cref="TerraformLockFile"/>).
    /// </summary>
    public async Task InitAsync(IReadOnlyDictionary<string, string> backendConfig, bool reconfigure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backendConfig);
        List<string> arguments = ["init", .. Common(), LockTimeout(), .. TerraformLockFile.InitArguments(ModuleDirectory, settings.RequireLockFile)];
        arguments.AddRange(backendConfig.OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => $"-backend-config={entry.Key}={entry.Value}"));
        if (reconfigure)
        {
            arguments.Add("-reconfigure");
        }

        if (dataDirectory is not null)
        {
            InterruptedInit.Clear(Path.GetFullPath(dataDirectory), log);
        }

        await RunAsync("init", arguments, streamOutput: true, cancellationToken, bounded: true);
    }

    /// <summary>Writes a fresh plan to <paramref name="planFile"/> and returns whether it changes anything.</summary>
    public async Task<bool> PlanAsync(
        IReadOnlyList<string> varFiles,
        IReadOnlyDictionary<string, string> variables,
        string planFile,
        bool destroy,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(planFile);
        planFile = Path.GetFullPath(planFile);

        // Never leave an older plan behind that a later apply could pick up after this plan failed.
        PrivateDirectory.Ensure(Path.GetDirectoryName(planFile)!);
        File.Delete(planFile);
        List<string> arguments = ["plan", .. Common(), LockTimeout(), "-detailed-exitcode", $"-out={planFile}"];
        if (destroy)
        {
            arguments.Add("-destroy");
        }

        arguments.AddRange(Variables(varFiles, variables));
        var result = await RunAsync("plan", arguments, streamOutput: true, cancellationToken, HasChanges);
        PrivateDirectory.RestrictFile(planFile);
        return result.ExitCode == HasChanges;
    }

    public async Task ApplyAsync(string planFile, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(planFile);
        planFile = Path.GetFullPath(planFile);
        await RunAsync("apply", ["apply", .. Common(), LockTimeout(), planFile], streamOutput: true, cancellationToken);

        // An applied plan is stale; removing it keeps a rerun from ever trying it again.
        File.Delete(planFile);
    }

    /// <summary>Reads all outputs; sensitive values are registered as secrets and the JSON is never logged.</summary>
    public async Task<TerraformOutputs> OutputsAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync("output", ["output", "-json", "-no-color"], streamOutput: false, cancellationToken, bounded: true);
        return TerraformOutputs.Parse(result.StandardOutput, secrets);
    }

    public async Task DestroyAsync(
        IReadOnlyList<string> varFiles,
        IReadOnlyDictionary<string, string> variables,
        CancellationToken cancellationToken)
    {
        List<string> arguments = ["destroy", .. Common(), LockTimeout(), "-auto-approve"];
        arguments.AddRange(Variables(varFiles, variables));
        await RunAsync("destroy", arguments, streamOutput: true, cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="stateFile"/> into the configured backend (terraform state push): how the foundation moves
    /// the local state of its first run into the bucket that run created. Terraform refuses when the backend already
    /// holds a different lineage or a newer serial, so nothing newer is ever overwritten.
    /// </summary>
    public async Task StatePushAsync(string stateFile, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateFile);
        await RunAsync("state push", ["state", "push", LockTimeout(), Path.GetFullPath(stateFile)], streamOutput: true, cancellationToken, bounded: true);
    }

    /// <summary>Releases a lock an interrupted run left in a remote backend (the local backend's locks die with their process).</summary>
    public async Task ForceUnlockAsync(string lockId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(lockId);
        await RunAsync("force-unlock", ["force-unlock", "-force", lockId], streamOutput: true, cancellationToken, bounded: true);
    }

    private static string[] Common() => ["-input=false", "-no-color"];

    private string LockTimeout() =>
        $"-lock-timeout={Math.Ceiling(settings.LockTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)}s";

    private static IEnumerable<string> Variables(IReadOnlyList<string> varFiles, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(varFiles);
        ArgumentNullException.ThrowIfNull(variables);
        return varFiles.Select(file => $"-var-file={Path.GetFullPath(file)}")
            .Concat(variables.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => $"-var={entry.Key}={entry.Value}"));
    }

    private async Task<ToolResult> RunAsync(
        string command,
        IReadOnlyList<string> arguments,
        bool streamOutput,
        CancellationToken cancellationToken,
        int alsoSuccessful = NoChanges,
        bool bounded = false)
    {
        log.Debug($"terraform {command} in {ModuleDirectory}");
        var timeout = bounded && settings.RequestTimeout is { } request && (settings.CommandTimeout is not { } whole || request < whole)
            ? settings.RequestTimeout
            : settings.CommandTimeout;
        var invocation = new ToolInvocation(Tool, arguments)
        {
            WorkingDirectory = ModuleDirectory,
            Environment = Environment(),
            Timeout = timeout,
            StreamOutput = streamOutput,
            ThrowOnFailure = false,
        };
        ToolResult result;
        try
        {
            result = await runner.RunAsync(invocation, cancellationToken);
        }
        catch (ToolFailedException failure) when (failure.TimedOut)
        {
            var hint = timeout == settings.RequestTimeout ? " (--timeout)" : string.Empty;
            throw new ToolFailedException(
                $"terraform {command} in {Path.GetRelativePath(Directory.GetCurrentDirectory(), ModuleDirectory)} did not finish within {ToolRunner.Duration(timeout!.Value)}{hint} "
                + "and was stopped with its child processes; check that the state backend and the provider registry answer", failure) { TimedOut = true };
        }

        return result.ExitCode == NoChanges || result.ExitCode == alsoSuccessful
            ? result
            : throw TerraformFailure.From(command, result, ModuleDirectory, dataDirectory);
    }

    private Dictionary<string, string?> Environment()
    {
        var environment = new Dictionary<string, string?>(settings.Environment, StringComparer.Ordinal)
        {
            // Terraform then leaves out hints about commands to run next, which would be wrong advice in a build.
            ["TF_IN_AUTOMATION"] = "1",
        };
        if (dataDirectory is not null)
        {
            environment["TF_DATA_DIR"] = Path.GetFullPath(dataDirectory);
            PrivateDirectory.Ensure(Path.GetFullPath(dataDirectory));
        }

        return environment;
    }
}
