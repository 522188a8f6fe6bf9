using GitOps.Platform.Promotion;
using GitOps.Platform.Tests.Git;

namespace GitOps.Platform.Tests.Promotion;

public sealed class UnifiedDiffTests : IDisposable
{
    private readonly GitSandbox sandbox = new();

    public void Dispose() => sandbox.Dispose();

    [Fact]
    public async Task Renders_only_the_changed_lines_under_a_label()
    {
        var diff = await UnifiedDiff.RenderAsync(sandbox.Git.In(sandbox.Root), "a: 1\nimage: x:1.2.0\n", "a: 1\nimage: x:1.3.0\n", "qa-int manifests", CancellationToken.None);

        diff.ShouldBe("--- qa-int manifests (before)\n+++ qa-int manifests (after)\n@@ -1,2 +1,2 @@\n a: 1\n-image: x:1.2.0\n+image: x:1.3.0\n");
    }

    [Fact]
    public async Task Equal_texts_have_an_empty_diff()
    {
        (await UnifiedDiff.RenderAsync(sandbox.Git.In(sandbox.Root), "a\n", "a\n", "m", CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public void A_long_diff_is_cut_at_a_line_and_says_how_much_is_missing()
    {
        var diff = string.Concat(Enumerable.Range(0, 100).Select(line => $"+line {line}\n"));

        var capped = UnifiedDiff.Cap(diff, 40);

        capped.ShouldStartWith("+line 0\n+line 1\n+line 2\n+line 3\n+line 4\n... diff");
        capped.ShouldEndWith("... diff truncated: 95 more lines (run helm template locally for the full diff)\n");
    }
}
