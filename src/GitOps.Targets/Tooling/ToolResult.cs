namespace GitOps.Targets.Tooling;

/// <summary>What a finished tool run left: its exit code and its captured (unmasked) output.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
