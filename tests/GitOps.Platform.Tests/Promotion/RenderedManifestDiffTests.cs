using GitOps.Platform.Git;
using GitOps.Platform.Promotion;
using GitOps.Platform.Tests.Helm;

namespace GitOps.Platform.Tests.Promotion;

/// <summary>The MR's rendered manifest diff: real helm on the repository's chart, the working copy left untouched.</summary>
public sealed class RenderedManifestDiffTests
{
    // qa-int's release is the helm parameter of its parent Application; chart and values are read at its pin.
    private const string QaInt = "environments/qa-int/app-of-apps-qa-int.yaml";
    private const string Application = "app-of-apps-qa-int-gcp";

    [Fact]
    public async Task Promoting_qa_int_changes_the_platform_applications_and_the_e2e_trigger_release_only()
    {
        var before = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, QaInt));
        var files = new[] { new StageValuesFile("gcp", QaInt, before) { Application = Application } };
        var plan = PromotionPlanner.PlanRelease("9.8.7", "qa-int", files, RejectedReleases.None, force: false);
        var git = new GitCli(TestHelm.Runner, RepositoryRoot.Path);

        var diff = await new RenderedManifestDiff(await TestHelm.CliAsync(), git).RenderAsync(RepositoryRoot.Path, plan, CancellationToken.None);

        diff.ShouldStartWith("--- qa-int-gcp (before)\n+++ qa-int-gcp (after)\n");
        var removed = diff.Split('\n').Where(line => line.StartsWith('-') && !line.StartsWith("---", StringComparison.Ordinal)).ToList();
        var added = diff.Split('\n').Where(line => line.StartsWith('+') && !line.StartsWith("+++", StringComparison.Ordinal)).ToList();
        removed.ShouldNotBeEmpty();
        removed.ShouldAllBe(line => line.Contains("1.4.1"));
        added.Select(line => line.Replace("9.8.7", "1.4.1", StringComparison.Ordinal)).ShouldBe(removed.Select(line => "+" + line[1..]));
        (await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, QaInt))).ShouldBe(before);
    }

    [Fact]
    public async Task A_plan_without_edits_renders_nothing()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, QaInt));
        var plan = PromotionPlanner.PlanRelease("1.4.1", "qa-int", [new StageValuesFile("gcp", QaInt, text) { Application = Application }], RejectedReleases.None, force: false);

        var diff = await new RenderedManifestDiff(await TestHelm.CliAsync(), new GitCli(TestHelm.Runner, RepositoryRoot.Path))
            .RenderAsync(RepositoryRoot.Path, plan, CancellationToken.None);

        diff.ShouldBeEmpty();
    }
}
