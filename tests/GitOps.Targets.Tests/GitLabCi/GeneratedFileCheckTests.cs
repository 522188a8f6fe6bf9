using GitOps.Targets.GitLabCi;

namespace GitOps.Targets.Tests.GitLabCi;

public sealed class GeneratedFileCheckTests
{
    private static readonly string Lines = string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n"));

    [Fact]
    public void Identical_text_is_current_with_no_diff()
    {
        var comparison = GeneratedFileCheck.Compare(".gitlab-ci.yml", Lines, Lines);

        comparison.IsCurrent.ShouldBeTrue();
        comparison.Diff.ShouldBeEmpty();
    }

    [Fact]
    public void Crlf_checkout_of_the_same_text_is_current() =>
        GeneratedFileCheck.Compare(".gitlab-ci.yml", Lines.Replace("\n", "\r\n", StringComparison.Ordinal), Lines)
            .IsCurrent.ShouldBeTrue();

    [Fact]
    public void Missing_file_is_stale()
    {
        var comparison = GeneratedFileCheck.Compare(".gitlab-ci.yml", null, Lines);

        comparison.IsCurrent.ShouldBeFalse();
        comparison.Diff.ShouldContain(".gitlab-ci.yml does not exist");
    }

    [Fact]
    public void Changed_line_is_shown_with_three_lines_of_context()
    {
        var edited = Lines.Replace("line 10\n", "line 10 edited by hand\n", StringComparison.Ordinal);

        var comparison = GeneratedFileCheck.Compare(".gitlab-ci.yml", edited, Lines);

        comparison.IsCurrent.ShouldBeFalse();
        comparison.Diff.ShouldBe(
            "--- .gitlab-ci.yml (committed)\n"
            + "+++ .gitlab-ci.yml (generated)\n"
            + "@@ -7,7 +7,7 @@\n"
            + " line 7\n line 8\n line 9\n"
            + "-line 10 edited by hand\n"
            + "+line 10\n"
            + " line 11\n line 12\n line 13\n");
    }

    [Fact]
    public void Distant_changes_make_separate_hunks_and_insertions_count_lines()
    {
        var generated = Lines.Replace("line 2\n", "line 2\nnew a\n", StringComparison.Ordinal)
            .Replace("line 18\n", string.Empty, StringComparison.Ordinal);

        var diff = GeneratedFileCheck.Compare("f", Lines, generated).Diff;

        diff.ShouldContain("@@ -1,5 +1,6 @@\n line 1\n line 2\n+new a\n line 3\n");
        diff.ShouldContain("@@ -15,6 +16,5 @@\n line 15\n line 16\n line 17\n-line 18\n line 19\n line 20\n");
    }

    [Fact]
    public void Long_diff_is_capped_with_a_count_of_what_was_left_out()
    {
        var generated = Lines.Replace("line", "row", StringComparison.Ordinal);

        var diff = GeneratedFileCheck.Compare("f", Lines, generated, maxDiffLines: 10).Diff;

        diff.Split('\n').Length.ShouldBe(2 + 10 + 2);
        diff.ShouldEndWith("... 31 more diff lines not shown\n");
    }

    [Fact]
    public void Failure_text_names_the_file_and_the_command_that_fixes_it()
    {
        var text = GeneratedFileCheck.Compare(".gitlab-ci.yml", "a\n", "b\n").Describe("./build.sh GenerateCI");

        text.ShouldStartWith(".gitlab-ci.yml is stale: it differs from what `./build.sh GenerateCI` generates. "
            + "Run `./build.sh GenerateCI` and commit the result.\n--- .gitlab-ci.yml (committed)");
        text.ShouldContain("-a\n+b\n");
    }

    [Fact]
    public void Missing_final_newline_is_a_difference_shown_like_git()
    {
        var comparison = GeneratedFileCheck.Compare("f", "a\nb", "a\nb\n");

        comparison.IsCurrent.ShouldBeFalse();
        comparison.Diff.ShouldEndWith("@@ -1,3 +1,2 @@\n a\n b\n-\\ No newline at end of file\n");
    }

    [Fact]
    public async Task File_on_disk_is_compared()
    {
        var path = Path.Combine(Path.GetTempPath(), $"generated-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(path, Lines);
        try
        {
            (await GeneratedFileCheck.CompareWithFileAsync(path, Lines, ".gitlab-ci.yml")).IsCurrent.ShouldBeTrue();
            (await GeneratedFileCheck.CompareWithFileAsync(path + ".missing", Lines)).IsCurrent.ShouldBeFalse();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
