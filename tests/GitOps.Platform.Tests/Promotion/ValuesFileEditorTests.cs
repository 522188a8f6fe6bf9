using GitOps.Platform.Promotion;

namespace GitOps.Platform.Tests.Promotion;

public sealed class ValuesFileEditorTests
{
    // Each template holds {V} exactly once: the edit must turn old-version text into new-version text and nothing else.
    [Theory]
    [InlineData("# top comment\ndeployedRelease: {V} # pinned by promotion\nother: x\n", "1.2.3", "1.3.0")]
    [InlineData("deployedRelease: '{V}'\n", "1.2.3", "1.3.0")]
    [InlineData("deployedRelease: \"{V}\"\n", "1.2.3", "1.3.0")]
    [InlineData("a: 1\r\ndeployedRelease: {V}   \r\n# trailing comment\r\n", "1.2.3", "1.3.0-rc.1")]
    [InlineData("\uFEFFdeployedRelease: {V}\nb: 2\n", "1.2.3", "2.0.0")]
    [InlineData("base: &base\n  replicas: 2\napp:\n  <<: *base\ndeployedRelease: {V}\nref: *base\n", "1.2.3", "1.2.4")]
    [InlineData("---\nkind: doc-one\n---\n# second document\ndeployedRelease: \"{V}\"\n...\n---\nthird: [a, b]\n", "1.2.3", "1.4.0")]
    [InlineData("{deployedRelease: {V}, other: 'x'}\n", "1.2.3", "1.3.0")]
    [InlineData("deployedRelease: !!str {V}\n", "1.2.3", "1.3.0")]
    [InlineData("deployedRelease: &rel '{V}'\ncopy: *rel\n", "1.2.3", "1.3.0")]
    [InlineData("deployedRelease:    {V}\t# spaced\n", "1.2.3", "10.20.30")]
    public void SetScalar_changes_only_the_version_bytes(string template, string before, string after)
    {
        var original = template.Replace("{V}", before, StringComparison.Ordinal);

        var edited = ValuesFileEditor.SetScalar(original, ValuesFileEditor.DeployedRelease, after);

        edited.ShouldBe(template.Replace("{V}", after, StringComparison.Ordinal));
        ValuesFileEditor.ReadScalar(edited, ValuesFileEditor.DeployedRelease).ShouldBe(after);
    }

    [Fact]
    public void SetScalar_follows_a_dotted_path_into_nested_mappings()
    {
        const string template = "e2e:\n  # where the suite points\n  baseUrl: 'https://{V}'\ndeployedRelease: 1.0.0\n";

        var edited = ValuesFileEditor.SetScalar(template.Replace("{V}", "old.example", StringComparison.Ordinal), "e2e.baseUrl", "https://new.example");

        edited.ShouldBe(template.Replace("{V}", "new.example", StringComparison.Ordinal));
    }

    [Fact]
    public void SetScalar_escapes_quotes_in_the_original_quoting_style()
    {
        ValuesFileEditor.SetScalar("k: 'a'\n", "k", "it's").ShouldBe("k: 'it''s'\n");
        ValuesFileEditor.SetScalar("k: \"a\"\n", "k", "say \"hi\"").ShouldBe("k: \"say \\\"hi\\\"\"\n");
    }

    [Fact]
    public void SetScalar_fills_an_empty_value_after_the_colon()
    {
        ValuesFileEditor.SetScalar("deployedRelease:\nnext: 1\n", ValuesFileEditor.DeployedRelease, "1.0.0")
            .ShouldBe("deployedRelease: 1.0.0\nnext: 1\n");
    }

    [Fact]
    public void SetScalar_returns_the_same_text_when_the_value_is_unchanged()
    {
        const string text = "deployedRelease: '1.2.3' # same\n";

        ValuesFileEditor.SetScalar(text, ValuesFileEditor.DeployedRelease, "1.2.3").ShouldBeSameAs(text);
    }

    [Theory]
    [InlineData("other: 1\n", "values-qa-gcp.yaml:1: 'deployedRelease' is missing")]
    [InlineData("a: x\ndeployedRelease:\n  nested: 1\n", "values-qa-gcp.yaml:3: 'deployedRelease' is a mapping")]
    [InlineData("a: &v 1.0.0\ndeployedRelease: *v\n", "values-qa-gcp.yaml:2: 'deployedRelease' is an alias (*v)")]
    [InlineData("deployedRelease: 1.0.0\ndeployedRelease: 1.1.0\n", "values-qa-gcp.yaml:2: key 'deployedRelease' appears twice")]
    [InlineData("deployedRelease: 1.0.0\n---\ndeployedRelease: 1.1.0\n", "values-qa-gcp.yaml:3: 'deployedRelease' appears in 2 documents")]
    [InlineData("deployedRelease: [1.0.0]\n", "values-qa-gcp.yaml:1: 'deployedRelease' is a sequence")]
    [InlineData("deployedRelease: |\n  1.0.0\n", "values-qa-gcp.yaml:1: 'deployedRelease' is a block scalar")]
    [InlineData("a: [unclosed\n", "values-qa-gcp.yaml:")]
    public void SetScalar_refuses_with_a_file_and_line(string text, string expectedStart)
    {
        var error = Should.Throw<ValuesFileException>(() =>
            ValuesFileEditor.SetScalar(text, ValuesFileEditor.DeployedRelease, "2.0.0", "values-qa-gcp.yaml"));

        error.Message.ShouldStartWith(expectedStart);
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void SetScalar_refuses_a_value_that_a_plain_scalar_cannot_hold()
    {
        Should.Throw<ValuesFileException>(() => ValuesFileEditor.SetScalar("k: a\n", "k", "#x"))
            .Message.ShouldContain("quote the value in the file");
    }

    [Fact]
    public void SetScalar_names_a_merge_key_path_as_missing_rather_than_editing_the_anchor()
    {
        Should.Throw<ValuesFileException>(() =>
            ValuesFileEditor.SetScalar("base: &b\n  deployedRelease: 1.0.0\napp:\n  <<: *b\n", "app.deployedRelease", "2.0.0"));
    }

    [Fact]
    public void TryReadScalar_returns_null_for_an_absent_key()
    {
        ValuesFileEditor.TryReadScalar("a: 1\n", "b.c").ShouldBeNull();
        ValuesFileEditor.ReadScalar("a:\n  b: \"x\"\n", "a.b").ShouldBe("x");
    }
}
