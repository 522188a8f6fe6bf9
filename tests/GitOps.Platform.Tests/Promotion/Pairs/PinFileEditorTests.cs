using GitOps.Platform.Promotion;
using GitOps.Platform.Promotion.Pins;

namespace GitOps.Platform.Tests.Promotion.Pairs;

/// <summary>The promotion MR's edit of a pin, on this repository's own app-of-apps files.</summary>
public sealed class PinFileEditorTests
{
    private const string Sha = "abcdef0123456789abcdef0123456789abcdef01";

    [Theory]
    [InlineData("qa")]
    [InlineData("qa-int")]
    [InlineData("prod")]
    public void Moving_the_pin_changes_only_the_target_revisions_of_this_repositorys_sources(string stage)
    {
        var path = $"environments/{stage}/app-of-apps-{stage}.yaml";
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), path));
        var before = PinFileEditor.Read(text, path);

        var edited = PinFileEditor.Set(text, Sha, path);

        before.ShouldNotBeEmpty();
        var changed = Lines(text).Zip(Lines(edited)).Where(pair => pair.First != pair.Second).ToList();
        changed.Count.ShouldBe(2 * before.Count, "chart and values source of each Application: Argo CD renders one repository at one revision");
        changed.ShouldAllBe(pair => pair.Second.Trim() == $"targetRevision: {Sha}");
        PinFileEditor.Read(edited, path).ShouldAllBe(pin => pin.Revision == Sha);
        edited.ShouldContain("          - name: e2eTrigger.revision\n            value: $ARGOCD_APP_REVISION\n            forceString: true\n",
            customMessage: "the hook's revision parameter stays, so the promoted stage keeps posting REVISION");
    }

    [Fact]
    public void A_file_without_a_chart_source_names_the_file_and_line()
    {
        const string Text = "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: x\nspec:\n  sources:\n    - repoURL: r\n      ref: values\n";

        var error = Should.Throw<ValuesFileException>(() => PinFileEditor.Set(Text, Sha, "app-of-apps-qa.yaml"));

        error.Message.ShouldBe("app-of-apps-qa.yaml:1: Application x has 0 sources with path charts/app-of-apps; exactly one source renders the chart, and its targetRevision is the stage's pin");
    }

    private static string[] Lines(string text) => text.Split('\n');
}
