namespace GitOps.EndToEnd.Tests.Support;

/// <summary>
/// A repository with the shape build.sh and build.ps1 bootstrap (build/_build.csproj, src/, the root props files,
/// global.json, .editorconfig) and this repository's own build.sh and build.ps1, whose build is a tiny real program
/// that prints its title, each argument it got and its working directory (or, given only "block", waits to be
/// interrupted). It compiles in seconds, so the bootstrap's
/// stamp can be tested from a state no other test touches.
/// </summary>
public sealed class BootstrapRepository : IDisposable
{
    private const string Program = """
        if (args.Length == 1 && args[0] == "block")
        {
            return Blocking.UntilInterrupted();
        }

        System.Console.WriteLine("title: " + Title.Text);
        foreach (var arg in args)
        {
            System.Console.WriteLine("arg: <" + arg + ">");
        }

        System.Console.WriteLine("cwd: " + System.Environment.CurrentDirectory);
        return args.Length == 2 && args[0] == "exit" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        """;

    // The build's interrupt contract (BuildHost): SIGINT or SIGTERM stops a running target, and the build exits 130.
    private const string Blocking = """
        using System.Runtime.InteropServices;

        internal static class Blocking
        {
            public static int UntilInterrupted()
            {
                using var stop = new System.Threading.ManualResetEventSlim();
                void OnSignal(PosixSignalContext context)
                {
                    context.Cancel = true;
                    System.Console.WriteLine("interrupted: " + context.Signal);
                    stop.Set();
                }

                using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
                using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
                System.Console.WriteLine("blocking");
                return stop.Wait(System.TimeSpan.FromMinutes(3)) ? 130 : 0;
            }
        }
        """;

    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <UseAppHost>false</UseAppHost>
            <Nullable>enable</Nullable>
          </PropertyGroup>
        </Project>
        """;

    /// <param name="pathInside">Folders between the temp directory and the repository, e.g. "bin/obj".</param>
    public BootstrapRepository(string pathInside = "")
    {
        var source = RepositoryRoot.Find();
        Parent = Directory.CreateTempSubdirectory("gitops-bootstrap-").FullName;
        Root = Path.Combine(Parent, pathInside, "repo");
        Directory.CreateDirectory(Path.Combine(Root, "build"));
        Directory.CreateDirectory(Path.Combine(Root, "src", "Domain"));
        foreach (var script in new[] { "build.sh", "build.ps1" })
        {
            File.Copy(Path.Combine(source, script), Path.Combine(Root, script));
            ToolDirectory.MakeExecutable(Path.Combine(Root, script));
        }

        File.Copy(Path.Combine(source, "global.json"), Path.Combine(Root, "global.json"));
        Write("Directory.Build.props", "<Project />\n");
        Write("Directory.Packages.props", "<Project />\n");
        Write(".editorconfig", "root = true\n");
        Write("build/_build.csproj", Project);
        Write("build/Program.cs", Program);
        Write("build/Blocking.cs", Blocking);
        Write("src/Domain/Notes.txt", "not compiled, but an input all the same\n");
        SetTitle("one");

        // Written an hour ago, so that no test meets a file changed in the second its mtime is read unless it means to.
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
        }
    }

    public string Parent { get; }

    public string Root { get; }

    public string StampPath => Path.Combine(Root, ".nuke", "temp", "build.stamp");

    /// <summary>Changes what the compiled build prints; titles of the same length keep the file's size.</summary>
    public void SetTitle(string title) =>
        Write("build/Title.cs", $"internal static class Title\n{{\n    public const string Text = \"{title}\";\n}}\n");

    public void Write(string relativePath, string text) => File.WriteAllText(Path.Combine(Root, relativePath), text);

    /// <summary>Copies the inputs (not .nuke) to another directory: a second checkout of the same files.</summary>
    public string CopyInputsTo(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file);
            if (!relative.StartsWith(".nuke", StringComparison.Ordinal))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(directory, relative))!);
                File.Copy(file, Path.Combine(directory, relative), overwrite: true);
                File.SetLastWriteTimeUtc(Path.Combine(directory, relative), File.GetLastWriteTimeUtc(file));
            }
        }

        return directory;
    }

    public ProcessResult BuildSh(params string[] args) => BuildSh(Root, new Dictionary<string, string?>(), args);

    public ProcessResult BuildSh(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        ProcessResult.Run(Path.Combine(Root, "build.sh"), args, workingDirectory, environment);

    /// <summary>
    /// Forces the next run to compare content: keeps the stamp's content line and drops its listing, as a fresh checkout
    /// (new mtimes) would.
    /// </summary>
    /// <summary>
    /// What a compile killed part-way leaves: no stamp, and outputs MSBuild writes in place (runtimeconfig, deps) cut
    /// short but newer than their inputs, so an incremental build would keep them.
    /// </summary>
    public void LeaveAKilledCompileBehind()
    {
        File.Delete(StampPath);
        var output = Path.Combine(Root, ".nuke", "temp", "build-bin");
        File.WriteAllText(Path.Combine(output, "_build.runtimeconfig.json"), string.Empty);
        File.WriteAllText(Path.Combine(output, "_build.deps.json"), string.Empty);
    }

    public void ForgetListing()
    {
        var stamp = File.ReadAllText(StampPath);
        File.WriteAllText(StampPath, stamp[..(stamp.IndexOf('\n', StringComparison.Ordinal) + 1)]);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Parent, recursive: true);
        }
        catch (IOException)
        {
            // The build server may hold a file for a moment; the OS cleans temp eventually.
        }
    }
}
