using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// build.ps1 under the real PowerShell 7 (the pinned .NET tool), on the same small repository as the build.sh tests.
/// Windows PowerShell 5.1 cannot run here: its one-line refusal is untested.
/// </summary>
public sealed class PowerShellBootstrapTests
{
    private const string Compiling = "Compiling the build (its inputs changed)...\n";

    // Words PowerShell would bind, split or drop: its common parameters, "-name:value", "--%", "--", an empty word.
    private static readonly string[] AwkwardArguments =
        ["--pipeline", "Verify", "--debug", "-Debug", "-Verbose", "-ErrorAction:Stop", "--stage:dev", "-x:", "--%", "--", "", "a b", "-?", "-File", "x.ps1"];

    [Fact]
    public void Forwards_every_argument_as_build_sh_does_and_the_exit_code()
    {
        using var repository = new BootstrapRepository();
        var viaSh = repository.BuildSh(AwkwardArguments);
        viaSh.ExitCode.ShouldBe(0, viaSh.Error);

        var viaPs1 = PowerShell.RunFile(Path.Combine(repository.Root, "build.ps1"), AwkwardArguments, repository.Root);
        viaPs1.ExitCode.ShouldBe(0, viaPs1.Error);
        viaPs1.Error.ShouldBeEmpty();
        viaPs1.Output.ShouldBe(viaSh.Output);

        PowerShell.RunFile(Path.Combine(repository.Root, "build.ps1"), ["exit", "3"], repository.Root).ExitCode.ShouldBe(3);
    }

    // ~/bin/gitops.ps1 -> ../repo/build.ps1 (a relative target, through a second link): the repository is the one the
    // link points into, as with build.sh. Before, build.ps1 took the link's directory for the repository: MSBuild found
    // no project, a PowerShell error record followed, and .nuke/temp was written next to the link.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_through_a_link_to_the_file_builds_the_repository_it_points_into(bool throughADirectoryLink)
    {
        using var repository = new BootstrapRepository();
        var links = Directory.CreateDirectory(Path.Combine(repository.Parent, "links")).FullName;
        var directory = throughADirectoryLink ? Path.Combine(repository.Parent, "repo-link") : repository.Root;
        if (throughADirectoryLink)
        {
            Directory.CreateSymbolicLink(directory, repository.Root);
        }

        File.CreateSymbolicLink(Path.Combine(links, "first.ps1"), Path.Combine("..", Path.GetFileName(directory), "build.ps1"));
        File.CreateSymbolicLink(Path.Combine(links, "gitops.ps1"), "first.ps1");
        var elsewhere = Directory.CreateDirectory(Path.Combine(repository.Parent, "elsewhere")).FullName;

        var run = PowerShell.RunFile(Path.Combine(links, "gitops.ps1"), ["x"], elsewhere);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Output.ShouldStartWith("title: one\narg: <x>\ncwd: " + elsewhere + "\n");
        File.Exists(repository.StampPath).ShouldBeTrue();
        Directory.Exists(Path.Combine(links, ".nuke")).ShouldBeFalse("nothing is written next to the link");
        Directory.Exists(Path.Combine(elsewhere, ".nuke")).ShouldBeFalse();
    }

    // A compile that fails before MSBuild writes its log (here: no project file) ends in build.ps1's one line, not in
    // a PowerShell error record with a coloured source excerpt.
    [Fact]
    public void A_compile_that_fails_before_writing_its_log_is_one_line()
    {
        using var repository = new BootstrapRepository();
        File.Delete(Path.Combine(repository.Root, "build", "_build.csproj"));

        var run = PowerShell.RunFile(Path.Combine(repository.Root, "build.ps1"), ["x"], repository.Root);

        run.ExitCode.ShouldBe(1, run.Error);
        run.Error.ShouldNotContain("\u001b");
        run.Error.ShouldNotContain("Get-Content");
        run.Error.ShouldNotContain("At ");
        run.Error.TrimEnd().Split('\n')[^1].ShouldStartWith("build.ps1: compiling build/_build.csproj failed");
        File.Exists(repository.StampPath).ShouldBeFalse();
    }

    [Fact]
    public void Shares_the_stamp_with_build_sh_so_switching_never_recompiles()
    {
        using var repository = new BootstrapRepository();
        var script = Path.Combine(repository.Root, "build.ps1");
        repository.BuildSh().Error.ShouldBe(Compiling);
        var stampOfSh = File.ReadAllText(repository.StampPath);

        var warm = PowerShell.RunFile(script, [], repository.Root);
        warm.ExitCode.ShouldBe(0, warm.Error);
        warm.Error.ShouldBeEmpty();

        repository.ForgetListing();
        PowerShell.RunFile(script, [], repository.Root).Error.ShouldBeEmpty();
        File.ReadAllText(repository.StampPath).ShouldBe(stampOfSh, "build.ps1 writes build.sh's stamp byte for byte");

        repository.SetTitle("two");
        var edited = PowerShell.RunFile(script, [], repository.Root);
        edited.Error.ShouldBe(Compiling);
        edited.Output.ShouldStartWith("title: two\n");
        repository.BuildSh().Error.ShouldBeEmpty();
    }

    [Fact]
    public void A_compile_killed_while_writing_the_output_is_redone_on_the_next_run()
    {
        using var repository = new BootstrapRepository();
        var script = Path.Combine(repository.Root, "build.ps1");
        repository.BuildSh().ExitCode.ShouldBe(0);
        repository.LeaveAKilledCompileBehind();

        var next = PowerShell.RunFile(script, [], repository.Root);
        next.ExitCode.ShouldBe(0, next.Error);
        next.Error.ShouldBe(Compiling);
        next.Output.ShouldStartWith("title: one\n");
    }

    [Fact]
    public void Reads_dot_files_and_skips_bin_and_obj_only_below_the_inputs_in_a_path_that_holds_them()
    {
        using var repository = new BootstrapRepository(Path.Combine("bin", "obj"));
        var script = Path.Combine(repository.Root, "build.ps1");
        var first = PowerShell.RunFile(script, [], repository.Root);
        first.ExitCode.ShouldBe(0, first.Error);
        first.Error.ShouldBe(Compiling);

        repository.SetTitle("two");
        var edited = PowerShell.RunFile(script, [], repository.Root);
        edited.Error.ShouldBe(Compiling);
        edited.Output.ShouldStartWith("title: two\n");

        repository.Write(".editorconfig", "root = true\n[*.cs]\nindent_size = 4\n");
        PowerShell.RunFile(script, [], repository.Root).Error.ShouldBe(Compiling, ".editorconfig is an input");

        Directory.CreateDirectory(Path.Combine(repository.Root, "src", "Domain", "obj"));
        repository.Write("src/Domain/obj/generated.cs", "// build output\n");
        PowerShell.RunFile(script, [], repository.Root).Error.ShouldBeEmpty();
        repository.BuildSh().Error.ShouldBeEmpty("both scripts agree on what the inputs are");
    }

    [Fact]
    public void A_checkout_with_windows_line_endings_still_runs_both_scripts_through_their_shebang()
    {
        using var repository = new BootstrapRepository();
        var source = RepositoryRoot.Find();
        var checkout = Path.Combine(repository.Parent, "autocrlf-checkout");

        // Git for Windows checks out with core.autocrlf=true; .gitattributes must keep both scripts LF, and the index
        // must record them as executable for Linux and macOS checkouts.
        FreshClone.Git(repository.Parent, "clone", "--quiet", "--no-hardlinks", "-c", "core.autocrlf=true", source, checkout);
        foreach (var script in new[] { "build.ps1", "build.sh" })
        {
            File.ReadAllText(Path.Combine(checkout, script)).ShouldNotContain("\r", customMessage: $"{script} is checked out with CRLF");
            FreshClone.Git(source, "ls-files", "--stage", "--", script).ShouldStartWith("100755", customMessage: $"{script} is not executable in git's index");
            File.Copy(Path.Combine(checkout, script), Path.Combine(repository.Root, script), overwrite: true);
        }

        var launcher = Directory.CreateDirectory(Path.Combine(repository.Parent, "launcher")).FullName;
        PowerShell.WriteLauncher(launcher);
        var environment = new Dictionary<string, string?> { ["PATH"] = launcher + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };
        var viaShebang = ProcessResult.Run(Path.Combine(repository.Root, "build.ps1"), ["--pipeline", "x"], repository.Root, environment);
        viaShebang.ExitCode.ShouldBe(0, viaShebang.Error);
        viaShebang.Output.ShouldStartWith("title: one\narg: <--pipeline>\narg: <x>\n");
        ProcessResult.Run(Path.Combine(repository.Root, "build.sh"), [], repository.Root, environment).ExitCode.ShouldBe(0);
    }

    // On Linux and macOS the build takes over pwsh's process (exec, as from build.sh), so pwsh never removes what it and
    // its runtime made under the process id in the temp directory (diagnostic socket, debugger pipes, host pipe): the
    // helper does, and the build could otherwise not make its own under the same names.
    [Fact]
    public void Nothing_of_pwsh_is_left_in_the_temp_directory_when_the_build_takes_over_its_process()
    {
        using var repository = new BootstrapRepository();
        var script = Path.Combine(repository.Root, "build.ps1");
        PowerShell.RunFile(script, [], repository.Root).ExitCode.ShouldBe(0, "the first run compiles");
        var temp = Directory.CreateDirectory(Path.Combine(repository.Parent, "tmp")).FullName;

        var warm = PowerShell.RunFile(script, ["x"], repository.Root, new Dictionary<string, string?> { ["TMPDIR"] = temp + "/" });

        warm.ExitCode.ShouldBe(0, warm.Error);
        warm.Output.ShouldStartWith("title: one\narg: <x>\n");
        Directory.GetFileSystemEntries(temp).Select(Path.GetFileName).ShouldBeEmpty();
    }

    [Fact]
    public void Build_ps1_is_ascii_so_windows_powershell_reads_it_as_written()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryRoot.Find(), "build.ps1"));
        bytes.Where(value => value > 127).ShouldBeEmpty("Windows PowerShell 5.1 reads a BOM-less file as ANSI");
    }
}
