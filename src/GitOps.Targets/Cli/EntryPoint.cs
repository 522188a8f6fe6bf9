namespace GitOps.Targets.Cli;

/// <summary>
/// The command the user started the build with, for the hints in messages and help ("run ./build.sh --help"):
/// build.sh passes its <c>$0</c> and build.ps1 its own path in <see cref="Variable"/>, so a link or build.ps1 is named
/// as it was run. A script in the current directory is named <c>./name</c>; elsewhere as typed; without the variable
/// (the compiled build started directly, tests) <c>./build.sh</c>.
/// </summary>
public static class EntryPoint
{
    public const string Variable = "GITOPS_ENTRY_POINT";

    private const string Default = "./build.sh";

    public static string Command => Display(Environment.GetEnvironmentVariable(Variable), Directory.GetCurrentDirectory());

    /// <summary>The bootstrap script of the repository that was run: build.ps1 under PowerShell, else build.sh.</summary>
    public static string Script => ScriptOf(Environment.GetEnvironmentVariable(Variable));

    public static string ScriptOf(string? started) =>
        started is not null && started.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase) ? "build.ps1" : "build.sh";

    public static string Display(string? started, string workingDirectory)
    {
        if (string.IsNullOrWhiteSpace(started) || started.Length > 500 || started.Any(char.IsControl))
        {
            return Default;
        }

        try
        {
            var full = Path.GetFullPath(started, workingDirectory);
            var inWorkingDirectory = string.Equals(
                Path.GetDirectoryName(full), Path.GetFullPath(workingDirectory).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
            var command = inWorkingDirectory ? "./" + Path.GetFileName(full) : started;
            return command.Any(char.IsWhiteSpace) ? $"'{command}'" : command;
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return Default;
        }
    }
}
