using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>build.sh compiles exactly when the build's inputs changed, whichever directory it is run from.</summary>
public sealed class BootstrapStampTests
{
    private const string Compiling = "Compiling the build (its inputs changed)...\n";

    [Fact]
    public void A_never_built_repository_bootstraps_from_another_directory_and_the_build_runs_there()
    {
        using var repository = new BootstrapRepository();
        var elsewhere = Directory.CreateTempSubdirectory("gitops-cwd-").FullName;
        try
        {
            var first = repository.BuildSh(elsewhere, new Dictionary<string, string?>(), "a b", "--pipeline");
            first.ExitCode.ShouldBe(0, first.Error);
            first.Error.ShouldBe(Compiling);
            first.Output.ShouldBe($"title: one\narg: <a b>\narg: <--pipeline>\ncwd: {elsewhere}\n");

            var second = repository.BuildSh(elsewhere, new Dictionary<string, string?>());
            second.ExitCode.ShouldBe(0, second.Error);
            second.Error.ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void Run_from_another_checkout_it_compiles_its_own_edit_and_stamps_its_own_files()
    {
        using var repository = new BootstrapRepository();
        repository.BuildSh().Output.ShouldStartWith("title: one\n");
        var otherCheckout = repository.CopyInputsTo(Path.Combine(repository.Parent, "other-checkout"));

        // The other checkout still holds exactly what was compiled; only this repository changed.
        repository.SetTitle("two");
        var edited = repository.BuildSh(otherCheckout, new Dictionary<string, string?>());
        edited.ExitCode.ShouldBe(0, edited.Error);
        edited.Error.ShouldBe(Compiling);
        edited.Output.ShouldStartWith("title: two\n");

        // The stamp describes this repository's files: a content check from its own root agrees with it.
        repository.ForgetListing();
        var again = repository.BuildSh();
        again.Error.ShouldBeEmpty();
        again.Output.ShouldStartWith("title: two\n");
    }

    [Fact]
    public void An_edit_keeping_the_size_and_the_mtime_second_of_a_file_changed_in_the_second_of_the_last_run_recompiles()
    {
        using var repository = new BootstrapRepository();
        var title = Path.Combine(repository.Root, "build", "Title.cs");

        // A file whose mtime is not before the second the listing was read (here: ahead of the clock) may change again
        // within that second without its listing line changing.
        var second = DateTime.UnixEpoch.AddSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 120);
        File.SetLastWriteTimeUtc(title, second);
        repository.BuildSh().Output.ShouldStartWith("title: one\n");

        repository.SetTitle("two");
        File.SetLastWriteTimeUtc(title, second);
        var edited = repository.BuildSh();
        edited.Error.ShouldBe(Compiling);
        edited.Output.ShouldStartWith("title: two\n");
    }

    [Fact]
    public void A_compile_killed_while_writing_the_output_is_redone_on_the_next_run()
    {
        using var repository = new BootstrapRepository();
        repository.BuildSh().ExitCode.ShouldBe(0);
        repository.LeaveAKilledCompileBehind();

        var next = repository.BuildSh();
        next.ExitCode.ShouldBe(0, next.Error);
        next.Error.ShouldBe(Compiling);
        next.Output.ShouldStartWith("title: one\n");
    }

    [Fact]
    public void Touching_adding_and_removing_inputs()
    {
        using var repository = new BootstrapRepository();
        repository.BuildSh().ExitCode.ShouldBe(0);

        File.SetLastWriteTimeUtc(Path.Combine(repository.Root, "build", "Program.cs"), DateTime.UtcNow.AddMinutes(-5));
        repository.BuildSh().Error.ShouldBeEmpty("a touched file with the same content does not recompile");

        repository.Write("src/Domain/More.txt", "new input\n");
        repository.BuildSh().Error.ShouldBe(Compiling, "a new file below src/ is an input");

        File.Delete(Path.Combine(repository.Root, "src", "Domain", "More.txt"));
        repository.BuildSh().Error.ShouldBe(Compiling, "so is a deleted one");

        Directory.CreateDirectory(Path.Combine(repository.Root, "build", "obj"));
        repository.Write("build/obj/generated.cs", "// build output\n");
        Directory.CreateDirectory(Path.Combine(repository.Root, "src", "Domain", "bin"));
        repository.Write("src/Domain/bin/output.dll", "build output\n");
        repository.BuildSh().Error.ShouldBeEmpty("bin/ and obj/ below the inputs are build output, not inputs");
    }
}
