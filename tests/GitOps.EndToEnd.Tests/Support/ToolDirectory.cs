namespace GitOps.EndToEnd.Tests.Support;

/// <summary>
/// A directory to use as the whole PATH, holding only the tools of one platform's flavour: busybox's applets, or the
/// BSD shims of Shims/bsd (macOS's tools as far as build.sh uses them). bash and dotnet are linked in from this
/// machine; anything else a script calls is missing, as it would be there.
/// </summary>
public sealed class ToolDirectory : IDisposable
{
    private static readonly string[] PosixTools = ["cat", "mv", "mkdir", "rm", "head", "tail", "cut", "tr", "wc", "uname", "dirname", "basename", "env"];

    private static readonly string[] BsdShims = ["find", "stat", "sort", "date", "sed", "grep", "awk", "shasum", "readlink"];

    private ToolDirectory()
    {
        Path = Directory.CreateTempSubdirectory("gitops-path-").FullName;
        Link("bash", Which("bash"));
        Link("dotnet", Which("dotnet"));
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?> { ["PATH"] = Path };

    /// <summary>Every applet of this machine's busybox; fails the test when busybox is missing.</summary>
    public static ToolDirectory Busybox()
    {
        var busybox = Which("busybox");
        var applets = ProcessResult.Run(busybox, ["--list"], System.IO.Path.GetTempPath(), new Dictionary<string, string?>());
        applets.ExitCode.ShouldBe(0, applets.Error);
        var directory = new ToolDirectory();
        foreach (var applet in applets.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (applet is not ("bash" or "dotnet"))
            {
                directory.Link(applet, busybox);
            }
        }

        return directory;
    }

    /// <summary>The BSD shims and plain POSIX tools; no md5sum, no sha256sum, no GNU flags.</summary>
    public static ToolDirectory Bsd(string repositoryRoot)
    {
        var shims = System.IO.Path.Combine(repositoryRoot, "tests", "GitOps.EndToEnd.Tests", "Shims", "bsd");
        var directory = new ToolDirectory();
        foreach (var shim in BsdShims)
        {
            directory.Copy(shim, System.IO.Path.Combine(shims, shim));
        }

        foreach (var tool in PosixTools)
        {
            directory.Copy(tool, System.IO.Path.Combine(shims, "posix"));
        }

        return directory;
    }

    /// <summary>Every program on this process's PATH (the first of each name) except <paramref name="leftOut"/>.</summary>
    public static ToolDirectory ThisMachineWithout(params string[] leftOut)
    {
        var directory = new ToolDirectory();
        var taken = new HashSet<string>(["bash", "dotnet", .. leftOut], StringComparer.Ordinal);
        foreach (var folder in (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var program in Directory.EnumerateFiles(folder))
            {
                if (taken.Add(System.IO.Path.GetFileName(program)))
                {
                    directory.Link(System.IO.Path.GetFileName(program), program);
                }
            }
        }

        return directory;
    }

    /// <summary>The first executable of that name on this process's PATH; fails the test, naming what to install, when there is none.</summary>
    public static string Which(string name)
    {
        var found = (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        found.ShouldNotBeNull($"{name} is not on PATH; this test needs it (tests/tools/install-test-prerequisites.sh installs what apt-get can)");
        return found;
    }

    public static void MakeExecutable(string file)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, File.GetUnixFileMode(file) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private void Link(string name, string target) => File.CreateSymbolicLink(System.IO.Path.Combine(Path, name), target);

    private void Copy(string name, string source)
    {
        var target = System.IO.Path.Combine(Path, name);
        File.Copy(source, target);
        MakeExecutable(target);
    }
}
