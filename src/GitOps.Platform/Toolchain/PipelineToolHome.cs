namespace GitOps.Platform.Toolchain;

/// <summary>
/// The home directory every tool gets in a pipeline: <c>.nuke/temp/home</c>, emptied and created owner-only (0700) the
/// first time a tool starts in a build. In a pipeline HOME is whatever the runner or a pipeline variable says, and
/// terraform (~/.terraformrc, ~/.terraform.d/plugins), git (~/.gitconfig, ~/.config/git), helm (plugins, repositories,
/// registry logins) and npm (~/.npmrc) take their configuration from it; a fresh, empty home gives them none but
/// what the build passes. What an earlier job on a shell runner left there is removed, not reused.
/// <para>
/// Its one file is a .gitconfig that marks the checkout a safe directory: runners whose job user does not own the
/// checkout rely on a global safe.directory, which the inherited HOME held. The build already runs the checkout's own
/// code, so trusting it adds nothing.
/// </para>
/// </summary>
public sealed class PipelineToolHome
{
    private readonly Lazy<string> prepared;
    private readonly string checkout;

    /// <param name="temporaryDirectory">The build's <c>.nuke/temp</c>.</param>
    /// <param name="repositoryRoot">The checkout the build runs from.</param>
    public PipelineToolHome(string temporaryDirectory, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(temporaryDirectory);
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        Directory = Path.Combine(Path.GetFullPath(temporaryDirectory), "home");
        checkout = Path.GetFullPath(repositoryRoot);
        prepared = new Lazy<string>(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Directory { get; }

    /// <summary>The directory, created fresh on the first call of this instance.</summary>
    public string Ensure() => prepared.Value;

    private string Prepare()
    {
        var existing = new DirectoryInfo(Directory);
        if (existing.LinkTarget is not null && OperatingSystem.IsWindows())
        {
            // A link is removed itself, never followed: its target is not the build's to empty.
            System.IO.Directory.Delete(Directory);
        }
        else if (existing.LinkTarget is not null || File.Exists(Directory))
        {
            File.Delete(Directory);
        }
        else if (existing.Exists)
        {
            existing.Delete(recursive: true);
        }

        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(Directory)!);
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            // CreateDirectory applies the umask; the mode is set again so no umask can widen it.
            File.SetUnixFileMode(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var quoted = checkout.Replace('\\', '/').Replace("\"", "\\\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(Directory, ".gitconfig"), $"[safe]\n\tdirectory = \"{quoted}\"\n");
        return Directory;
    }
}
