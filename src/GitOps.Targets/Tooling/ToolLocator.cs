namespace GitOps.Targets.Tooling;

/// <summary>
/// Finds a tool by name: first under <c>.nuke/tools/</c> (pinned copies the build installed), then on PATH.
/// </summary>
public sealed class ToolLocator(string toolsDirectory, string? searchPath = null)
{
    private static readonly string[] WindowsExtensions = [".exe", ".cmd", ".bat"];

    public string ToolsDirectory { get; } = toolsDirectory;

    public string? Find(string tool)
    {
        ArgumentException.ThrowIfNullOrEmpty(tool);
        if (tool.Contains('/', StringComparison.Ordinal) || tool.Contains('\\', StringComparison.Ordinal))
        {
            return File.Exists(tool) ? Path.GetFullPath(tool) : null;
        }

        var pathValue = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var directories = new[] { Path.Combine(ToolsDirectory, "bin"), ToolsDirectory }
            .Concat(pathValue.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        // On Windows the extensionless file next to npm.cmd is a shell script that cannot be started directly.
        var names = OperatingSystem.IsWindows() ? WindowsExtensions.Select(ext => tool + ext) : [tool];
        foreach (var directory in directories)
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
