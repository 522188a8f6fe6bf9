using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// build.sh with nothing on PATH but one platform's tools: busybox's, or macOS's BSD tools (as shims that refuse GNU-only
/// flags; there is no Mac here). bash is this machine's bash 5, not macOS's 3.2: build.sh keeps to bash 3.2's features,
/// which no test here can prove.
/// </summary>
public sealed class BootstrapToolchainTests
{
    private const string Compiling = "Compiling the build (its inputs changed)...\n";

    [Theory]
    [InlineData("busybox", "linux-gnu")]
    [InlineData("bsd", "darwin23")]
    [InlineData("bsd", "linux-gnu")]
    public void Compiles_reuses_and_recompiles_with_only_that_platforms_tools(string flavour, string osType)
    {
        using var repository = new BootstrapRepository();
        using var tools = flavour == "busybox" ? ToolDirectory.Busybox() : ToolDirectory.Bsd(RepositoryRoot.Find());
        var environment = new Dictionary<string, string?>(tools.Environment) { ["OSTYPE"] = osType };

        var first = repository.BuildSh(repository.Root, environment, "x");
        first.ExitCode.ShouldBe(0, first.Error);
        first.Error.ShouldBe(Compiling);
        first.Output.ShouldStartWith("title: one\narg: <x>\n");

        var warm = repository.BuildSh(repository.Root, environment);
        warm.ExitCode.ShouldBe(0, warm.Error);
        warm.Error.ShouldBeEmpty();

        // The stamp is the one this machine's GNU tools write for the same files, byte for byte.
        var written = File.ReadAllText(repository.StampPath);
        repository.ForgetListing();
        repository.BuildSh().Error.ShouldBeEmpty();
        File.ReadAllText(repository.StampPath).ShouldBe(written);

        File.SetLastWriteTimeUtc(Path.Combine(repository.Root, "build", "Program.cs"), DateTime.UtcNow.AddMinutes(-5));
        var touched = repository.BuildSh(repository.Root, environment);
        touched.Error.ShouldBeEmpty("touched without a change");

        repository.SetTitle("two");
        var edited = repository.BuildSh(repository.Root, environment);
        edited.ExitCode.ShouldBe(0, edited.Error);
        edited.Error.ShouldBe(Compiling);
        edited.Output.ShouldStartWith("title: two\n");
    }

    [Theory]
    [InlineData("gnu")]
    [InlineData("busybox")]
    [InlineData("bsd")]
    public void A_link_to_build_sh_finds_the_repository_it_points_into(string flavour)
    {
        using var repository = new BootstrapRepository();
        using var tools = flavour switch
        {
            "busybox" => ToolDirectory.Busybox(),
            "bsd" => ToolDirectory.Bsd(RepositoryRoot.Find()),
            _ => null,
        };
        var environment = new Dictionary<string, string?>(tools?.Environment ?? new Dictionary<string, string?>());
        if (flavour == "bsd")
        {
            environment["OSTYPE"] = "darwin23";
        }

        // ~/bin/gitops -> ../repo/build.sh (relative), and a second link, absolute, to the first one.
        var bin = Directory.CreateDirectory(Path.Combine(repository.Parent, "home", "bin")).FullName;
        var relative = Path.Combine(bin, "gitops");
        File.CreateSymbolicLink(relative, Path.Combine("..", "..", "repo", "build.sh"));
        var absolute = Path.Combine(repository.Parent, "gitops-latest");
        File.CreateSymbolicLink(absolute, relative);
        var elsewhere = Directory.CreateDirectory(Path.Combine(repository.Parent, "elsewhere")).FullName;

        foreach (var link in new[] { relative, absolute })
        {
            var run = ProcessResult.Run(link, ["x"], elsewhere, environment);
            run.ExitCode.ShouldBe(0, $"{link}: {run.Error}");
            run.Output.ShouldBe($"title: one\narg: <x>\ncwd: {elsewhere}\n", link);
        }

        File.Exists(repository.StampPath).ShouldBeTrue("the repository's own stamp");
        Directory.Exists(Path.Combine(bin, ".nuke")).ShouldBeFalse("nothing written next to the link");
    }

    [Fact]
    public void The_bsd_shims_refuse_what_macOS_tools_lack()
    {
        using var tools = ToolDirectory.Bsd(RepositoryRoot.Find());
        var here = tools.Path;
        ProcessResult Run(string script) => ProcessResult.Run(Path.Combine(here, "bash"), ["-c", script], here, tools.Environment);

        Run("find . -type f -printf '%p'").ExitCode.ShouldNotBe(0);
        Run("stat -c %s bash").ExitCode.ShouldNotBe(0);
        Run("command -v md5sum || command -v sha256sum").ExitCode.ShouldNotBe(0);
        Run("date +%s%N").ExitCode.ShouldNotBe(0);
        Run("readlink -f bash").ExitCode.ShouldNotBe(0);
        Run("stat -f '%N %z' bash").Output.ShouldStartWith("bash ");
        Run("printf x | shasum -a 256").Output.ShouldStartWith("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881  -");
    }
}
