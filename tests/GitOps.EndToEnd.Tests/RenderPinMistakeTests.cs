using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// Review F6: a pin written wrongly in a promoted stage's parent file is the user's mistake, so Render exits 2 with one
/// line naming the file:line, as for any other bad input, not 1 as for a failed target.
/// </summary>
[Collection(SharedClone.Name)]
public sealed class RenderPinMistakeTests(FreshClone clone)
{
    private const string Parent = "environments/qa/app-of-apps-qa.yaml";

    [Fact]
    public async Task Render_with_a_short_or_side_branch_pin_exits_2_naming_the_file_and_line()
    {
        await using var sandbox = await PromotionSandbox.CreateAsync(clone, "1.4.2");
        var path = Path.Combine(sandbox.Root, Parent);
        var original = File.ReadAllText(path);
        var pin = original.Split('\n').Select(line => line.Trim())
            .First(line => line.StartsWith("targetRevision:", StringComparison.Ordinal))["targetRevision:".Length..].Trim();
        var side = sandbox.Git("-c", "user.name=Side", "-c", "user.email=side@example.invalid", "commit-tree", "HEAD^{tree}", "-p", "HEAD", "-m", "a side branch's commit").Trim();

        foreach (var wrong in new[] { pin[..12], side })
        {
            File.WriteAllText(path, original.Replace(pin, wrong, StringComparison.Ordinal));

            var result = sandbox.Build("Render", "--stage", "qa", "--cloud", "gcp");

            result.ExitCode.ShouldBe(2, result.Output + result.Error);
            var lines = (result.Output + result.Error).Split('\n').Where(line => line.Contains($"{Parent}:", StringComparison.Ordinal)).ToList();
            lines.ShouldNotBeEmpty(result.Output + result.Error);
            lines.ShouldAllBe(line => line.Contains(wrong));
            (result.Output + result.Error).ShouldNotContain("Exception");
        }
    }
}
