using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// build.sh and build.ps1 interrupted while they compile the build and while the build runs a target: by a SIGTERM to
/// the script alone (a CI runner, docker stop, a service manager), a SIGINT to it alone, or Ctrl-C typed into a real
/// terminal (a pty from <c>script</c>, which signals the terminal's whole foreground group). Each must exit 130 and leave
/// no process behind. The build here is BootstrapRepository's tiny program, which keeps the real build's interrupt
/// contract (a signal stops it with 130); build servers are switched off so that "nothing left" can be checked.
/// </summary>
public sealed class BootstrapInterruptTests
{
    // MSBuild's reused nodes and the compiler server outlive a build on purpose; they are not what these tests look for.
    private static readonly Dictionary<string, string?> NoBuildServers = new()
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["UseSharedCompilation"] = "false",
    };

    [Theory]
    [InlineData("build.sh", "TERM")]
    [InlineData("build.sh", "INT")]
    [InlineData("build.ps1", "TERM")]
    [InlineData("build.ps1", "INT")]
    public void A_signal_to_the_script_while_a_target_runs_stops_the_build_and_exits_130(string script, string signal)
    {
        using var repository = new BootstrapRepository();
        repository.BuildSh(repository.Root, NoBuildServers).ExitCode.ShouldBe(0, "the first run compiles");
        using var run = Start(repository, script, "block");
        run.WaitUntil(() => run.Output.Contains("blocking", StringComparison.Ordinal), "the build's target running");

        run.Signal(signal);

        run.WaitForExit().ShouldBe(130, $"{run.Output}{run.Error}");
        run.Output.ShouldContain("interrupted: SIG" + signal, customMessage: "the build itself was told");
        run.SurvivorsAfterExit().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("build.sh")]
    [InlineData("build.ps1")]
    public void A_sigterm_to_the_script_while_it_compiles_stops_the_compile_and_exits_130(string script)
    {
        using var repository = new BootstrapRepository();
        using var run = Start(repository, script, "x");
        run.WaitUntil(() => run.Running("_build.csproj"), "dotnet build of build/_build.csproj");

        run.Signal("TERM");

        run.WaitForExit().ShouldBe(130, $"{run.Output}{run.Error}");
        run.SurvivorsAfterExit().ShouldBeEmpty();
        File.Exists(repository.StampPath).ShouldBeFalse("an interrupted compile is not stamped");
        run.Error.ShouldContain("interrupted while compiling the build");
    }

    // build.ps1 compiles its own C# once (Add-Type, in a child pwsh) before anything else. Before, a SIGTERM then ended
    // pwsh with 143; now the child is stopped, its files deleted, and the next run compiles again and works.
    [Theory]
    [InlineData("TERM", false)]
    [InlineData("INT", false)]
    [InlineData("INT", true)]
    public void A_signal_while_build_ps1_compiles_its_own_code_exits_130_and_leaves_nothing_half_written(string signal, bool wholeGroup)
    {
        using var repository = new BootstrapRepository();
        repository.BuildSh(repository.Root, NoBuildServers).ExitCode.ShouldBe(0, "the build is compiled; build.ps1's own code is not yet");
        var temp = Path.Combine(repository.Root, ".nuke", "temp");
        var before = Directory.GetFiles(temp).Order(StringComparer.Ordinal).ToList();
        using var run = Start(repository, "build.ps1", "x");
        run.WaitUntil(() => run.Running("Add-Type"), "the compile of build.ps1's bootstrap code");

        run.Signal(signal, wholeGroup);

        run.WaitForExit().ShouldBe(130, $"{run.Output}{run.Error}");
        run.SurvivorsAfterExit().ShouldBeEmpty();
        run.Error.ShouldContain("interrupted while compiling its bootstrap code");
        Directory.GetFiles(temp).Order(StringComparer.Ordinal).ToList().ShouldBe(before, "nothing of the compile is left in .nuke/temp");

        var next = PowerShell.RunFile(Path.Combine(repository.Root, "build.ps1"), ["x"], repository.Root);
        next.ExitCode.ShouldBe(0, next.Error);
        next.Output.ShouldStartWith("title: one\narg: <x>\n");
    }

    [Theory]
    [InlineData("build.sh", "x")]
    [InlineData("build.ps1", "x")]
    [InlineData("build.sh", "block")]
    [InlineData("build.ps1", "block")]
    public void Ctrl_c_in_a_terminal_exits_130_and_leaves_nothing_running(string script, string argument)
    {
        using var repository = new BootstrapRepository();
        if (argument == "block")
        {
            repository.BuildSh(repository.Root, NoBuildServers).ExitCode.ShouldBe(0, "the first run compiles");
        }

        // script -e exits with its command's code; exec makes the script itself that command, not a shell around it.
        var environment = new Dictionary<string, string?>(NoBuildServers) { ["SHELL"] = ToolDirectory.Which("bash") };
        using var run = SignalledRun.Start(repository.Root, repository.Root, environment, "script", "-qefc", "exec " + Command(repository, script, argument), "/dev/null");
        if (argument == "block")
        {
            run.WaitUntil(() => run.Output.Contains("blocking", StringComparison.Ordinal), "the build's target running");
        }
        else
        {
            run.WaitUntil(() => run.Running("_build.csproj"), "dotnet build of build/_build.csproj");
        }

        run.Type("\u0003");

        run.WaitForExit().ShouldBe(130, run.Output);
        run.SurvivorsAfterExit().ShouldBeEmpty();
    }

    // Ctrl-C during a compile whose current step takes a minute and cannot be cancelled, as csc on the real build/
    // may take tens of seconds. MSBuild's graceful cancel (what a SIGINT to dotnet build starts) waits for that step;
    // build.ps1 passed the terminal's SIGINT on and took 30-60 s to stop where build.sh, which stops its compile with
    // SIGTERM, took 0.3 s. The bound is generous for a loaded machine and far below the step's minute.
    [Theory]
    [InlineData("build.sh")]
    [InlineData("build.ps1")]
    public void Ctrl_c_in_a_terminal_stops_a_slow_compile_at_once_rather_than_waiting_for_it(string script)
    {
        using var repository = new BootstrapRepository();
        repository.Write("build/_build.csproj", SlowCompile);
        var environment = new Dictionary<string, string?>(NoBuildServers) { ["SHELL"] = ToolDirectory.Which("bash") };
        using var run = SignalledRun.Start(repository.Root, repository.Root, environment, "script", "-qefc", "exec " + Command(repository, script, "x"), "/dev/null");
        var marker = Path.Combine(repository.Root, "slow-step-running");
        run.WaitUntil(() => File.Exists(marker), "the compile's slow step running");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        run.Type("\u0003");
        var code = run.WaitForExit();
        clock.Stop();

        code.ShouldBe(130, run.Output);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15), "the compile is stopped, not waited for");
        run.SurvivorsAfterExit().ShouldBeEmpty();
        File.Exists(repository.StampPath).ShouldBeFalse("an interrupted compile is not stamped");
    }

    // BootstrapRepository's project with a step before the compiler that marks that it runs, then blocks for a minute
    // (an inline task, which MSBuild cannot cancel).
    private const string SlowCompile = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <UseAppHost>false</UseAppHost>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <UsingTask TaskName="SlowStep" TaskFactory="RoslynCodeTaskFactory" AssemblyFile="$(MSBuildToolsPath)/Microsoft.Build.Tasks.Core.dll">
            <ParameterGroup>
              <Marker ParameterType="System.String" Required="true" />
            </ParameterGroup>
            <Task>
              <Code Type="Fragment" Language="cs"><![CDATA[
                System.IO.File.WriteAllText(Marker, "");
                System.Threading.Thread.Sleep(60000);
              ]]></Code>
            </Task>
          </UsingTask>
          <Target Name="SlowStep" BeforeTargets="CoreCompile">
            <SlowStep Marker="$(MSBuildProjectDirectory)/../slow-step-running" />
          </Target>
        </Project>
        """;

    private static SignalledRun Start(BootstrapRepository repository, string script, string argument) =>
        script == "build.sh"
            ? SignalledRun.Start(repository.Root, repository.Root, NoBuildServers, Path.Combine(repository.Root, "build.sh"), argument)
            : SignalledRun.Start(repository.Root, repository.Root, NoBuildServers, "dotnet", PowerShell.Dll, "-NoProfile", "-File", Path.Combine(repository.Root, "build.ps1"), argument);

    // As a user types it (build.ps1 through pwsh without -NonInteractive, as its shebang starts it); temp paths hold no quotes.
    private static string Command(BootstrapRepository repository, string script, string argument) =>
        script == "build.sh"
            ? $"'{Path.Combine(repository.Root, "build.sh")}' {argument}"
            : $"dotnet '{PowerShell.Dll}' -NoProfile -File '{Path.Combine(repository.Root, "build.ps1")}' {argument}";
}
