using System.Diagnostics;
using GitOps.Targets.Files;
using GitOps.Targets.Tests.Support;

namespace GitOps.Targets.Tests.Engine;

/// <summary>
/// Files and directories the user points the build at (issue 13): <c>--root</c> must be a repository of this kind, and
/// a file it reads must be a regular one of at most 1 MiB, so /dev/zero cannot exhaust memory and a FIFO cannot hang it.
/// </summary>
public sealed class InputFileTests : IDisposable
{
    private readonly BuildRun run = new();
    private readonly string elsewhere = Directory.CreateTempSubdirectory("gitops-input-").FullName;

    public void Dispose()
    {
        run.Dispose();
        Directory.Delete(elsewhere, recursive: true);
    }

    [Fact]
    public async Task A_root_with_only_nuke_is_not_a_repository_of_this_kind_and_nothing_is_written_there()
    {
        Directory.CreateDirectory(Path.Combine(elsewhere, ".nuke"));

        (await run.RunAsync<MarkedBuild>(x => x.Show, "--root", elsewhere, "--help")).ShouldBe(2);

        OneLine(run.Error).ShouldBe(
            $"error: --root {elsewhere}: not a repository of this build (it has no build/ directory and no environments/stages.yaml file); "
            + "pass the repository's root (where build.sh, .nuke/, build/ and environments/stages.yaml are).");
        Directory.EnumerateFileSystemEntries(elsewhere, "*", SearchOption.AllDirectories).ShouldBe([Path.Combine(elsewhere, ".nuke")]);
    }

    /// <summary>An empty --root (an unset variable in a script) once meant the working directory.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_empty_root_is_refused(string root)
    {
        (await run.RunAsync<MarkedBuild>(x => x.Show, "--root", root)).ShouldBe(2);

        OneLine(run.Error).ShouldStartWith("error: --root is empty; pass the repository's root (where build.sh, .nuke/, build/ and environments/stages.yaml are).");
        run.Ran.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_root_whose_catalog_is_a_directory_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(elsewhere, ".nuke"));
        Directory.CreateDirectory(Path.Combine(elsewhere, "build"));
        Directory.CreateDirectory(Path.Combine(elsewhere, "environments", "stages.yaml"));

        (await run.RunAsync<MarkedBuild>(x => x.Show, "--root", elsewhere)).ShouldBe(2);

        OneLine(run.Error).ShouldStartWith($"error: --root {elsewhere}: not a repository of this build (it has no environments/stages.yaml file)");
        File.Exists(Path.Combine(elsewhere, ".nuke", "build.schema.json")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_root_with_every_marker_is_used()
    {
        Directory.CreateDirectory(Path.Combine(elsewhere, ".nuke"));
        Directory.CreateDirectory(Path.Combine(elsewhere, "build"));
        Directory.CreateDirectory(Path.Combine(elsewhere, "environments"));
        await File.WriteAllTextAsync(Path.Combine(elsewhere, "environments", "stages.yaml"), "stages: {}\n");

        (await run.RunAsync<MarkedBuild>(x => x.Show, "--root", elsewhere)).ShouldBe(0, run.Error);
        run.Ran.ShouldBe(["Show"]);
    }

    [Fact]
    public async Task A_parameters_file_that_is_a_fifo_is_refused_at_once_instead_of_hanging()
    {
        Mkfifo(ParametersFile);
        var clock = Stopwatch.StartNew();

        var exit = await run.RunAsync<SampleBuild>(x => x.Show).WaitAsync(TimeSpan.FromSeconds(30));

        exit.ShouldBe(2);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        OneLine(run.Error).ShouldBe("error: .nuke/parameters.json: is a named pipe (FIFO), not a regular file; a parameters file must be a regular file of at most 1 MiB");
    }

    [Fact]
    public async Task A_parameters_file_linked_to_dev_zero_is_refused_without_reading_it()
    {
        File.CreateSymbolicLink(ParametersFile, "/dev/zero");

        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(2);

        OneLine(run.Error).ShouldBe("error: .nuke/parameters.json: is a character device, not a regular file; a parameters file must be a regular file of at most 1 MiB");
    }

    [Fact]
    public async Task A_parameters_file_over_the_cap_is_refused_naming_the_cap()
    {
        await File.WriteAllTextAsync(ParametersFile, "{ \"names\": \"" + new string('a', InputFile.MaxBytes) + "\" }");

        (await run.RunAsync<SampleBuild>(x => x.Show)).ShouldBe(2);

        OneLine(run.Error).ShouldBe("error: .nuke/parameters.json: is larger than 1 MiB; a parameters file must be a regular file of at most 1 MiB");
    }

    [Fact]
    public void A_file_exactly_at_the_cap_is_read_whole()
    {
        var path = Path.Combine(elsewhere, "at-cap");
        File.WriteAllBytes(path, new byte[InputFile.MaxBytes]);

        InputFile.ReadAllBytes(path, "at-cap", "a test file").Length.ShouldBe(InputFile.MaxBytes);
    }

    [Fact]
    public void Invalid_utf8_is_named_by_line_and_column()
    {
        var path = Path.Combine(elsewhere, "latin1");
        File.WriteAllBytes(path, [.. "a: 1\nb: caf"u8.ToArray(), 0xE9, .. "\n"u8.ToArray()]);

        Should.Throw<InputFileException>(() => InputFile.ReadUtf8Text(path, "latin1", "a test file"))
            .Message.ShouldBe("latin1:2: not UTF-8 text (byte 0xE9 at column 7); save the file as UTF-8.");
    }

    private string ParametersFile => Path.Combine(run.Root, ".nuke", "parameters.json");

    private static void Mkfifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.ShouldBe(0);
    }

    private static string OneLine(string error)
    {
        var lines = error.TrimEnd().Split(Environment.NewLine);
        lines.Length.ShouldBe(1, error);
        lines[0].ShouldNotContain("Exception");
        return lines[0];
    }
}
