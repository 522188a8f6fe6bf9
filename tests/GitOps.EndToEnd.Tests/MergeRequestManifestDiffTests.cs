using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// A hand-written merge request that changes an environment gets, as promotion MRs do, the rendered manifest diff of
/// each environment it affects: the MR pipeline's RenderMergeRequestDiff renders every environment at the base and at
/// the head (real helm, real git) and keeps one diff per changed environment for the merge request widget.
/// </summary>
[Collection(SharedClone.Name)]
public sealed class MergeRequestManifestDiffTests(FreshClone clone)
{
    private const string Output = ".nuke/temp/merge-request-diff";

    [Fact]
    public async Task Only_the_environments_a_change_renders_differently_get_a_diff()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");
        var diffBase = sandbox.Git("rev-parse", "HEAD").Trim();
        // qa's release is its parent Application's helm parameter.
        var parent = Path.Combine(sandbox.Root, "environments", "qa", "app-of-apps-qa.yaml");
        var text = File.ReadAllText(parent);
        var edited = text.Replace("value: \"1.4.2\"", "value: \"1.9.7\"", StringComparison.Ordinal);
        edited.ShouldNotBe(text);
        File.WriteAllText(parent, edited);
        sandbox.Git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "--quiet", "-am", "qa: try 1.9.7");

        var result = sandbox.Build("RenderMergeRequestDiff", "--diff-base", diffBase);

        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Output.ShouldContain("Rendered manifests change in qa-gcp");
        var directory = Path.Combine(sandbox.Root, Output);
        Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["index.md", "qa-gcp.diff"]);
        var diff = File.ReadAllText(Path.Combine(directory, "qa-gcp.diff")).Split('\n');
        diff.ShouldContain(line => line.StartsWith('+') && line.Contains("1.9.7", StringComparison.Ordinal));
        diff.ShouldContain(line => line.StartsWith('-') && !line.StartsWith("---", StringComparison.Ordinal));
        File.ReadAllText(Path.Combine(directory, "index.md")).ShouldContain("- qa-gcp: qa-gcp.diff");

        var unchanged = sandbox.Build("RenderMergeRequestDiff", "--diff-base", "HEAD");
        unchanged.ExitCode.ShouldBe(0, unchanged.Output + unchanged.Error);
        Directory.GetFiles(directory).Select(Path.GetFileName).ShouldBe(["index.md"]);
    }
}
