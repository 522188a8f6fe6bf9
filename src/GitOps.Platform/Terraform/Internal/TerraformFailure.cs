using GitOps.Targets.Tooling;

namespace GitOps.Platform.Terraform.Internal;

/// <summary>Turns a failed terraform run into the exception the build reports.</summary>
internal static class TerraformFailure
{
    private const int TailLines = 10;

    public static Exception From(string command, ToolResult result, string moduleDirectory, string? dataDirectory)
    {
        if (StateLock.IsLockFailure(result.StandardError))
        {
            return Locked(StateLock.Parse(result.StandardError), moduleDirectory, dataDirectory);
        }

        var lines = result.StandardError.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();

        // Terraform's diagnostics start with "Error: <summary>"; the summaries say enough, details were streamed already.
        var summaries = lines.Where(line => line.StartsWith("Error: ", StringComparison.Ordinal)).Distinct().ToArray();
        var detail = summaries.Length > 0
            ? string.Join("; ", summaries)
            : string.Join(" | ", lines.Where(line => line.Trim().Length > 0).TakeLast(TailLines));
        return new ToolFailedException(
            $"terraform {command} in {moduleDirectory} failed with exit code {result.ExitCode}"
            + (detail.Length > 0 ? $": {detail}" : string.Empty))
        { ExitCode = result.ExitCode };
    }

    private static TerraformStateLockedException Locked(StateLock stateLock, string moduleDirectory, string? dataDirectory)
    {
        var id = stateLock.Id ?? "<lock id>";
        var environment = dataDirectory is null ? string.Empty : $"TF_DATA_DIR={Quote(dataDirectory)} ";
        var unlock = $"{environment}terraform -chdir={Quote(moduleDirectory)} force-unlock {id}";
        var holder = stateLock.Who ?? "another run";
        var since = stateLock.Created is null ? string.Empty : $" since {stateLock.Created}";
        var operation = stateLock.OperationName is null ? string.Empty : $"{stateLock.OperationName}, ";
        return new TerraformStateLockedException(
            $"The Terraform state of {moduleDirectory} is locked by {holder}{since} ({operation}lock ID {id}). "
            + $"Wait for that run to finish; if it was interrupted, release the lock with: {unlock}")
        {
            LockId = stateLock.Id,
            HeldBy = stateLock.Who,
            Operation = stateLock.Operation,
            Created = stateLock.Created,
            UnlockCommand = unlock,
        };
    }

    private static string Quote(string path) => path.Any(char.IsWhiteSpace) ? $"\"{path}\"" : path;
}
