using GitOps.Platform.Secrets;

namespace GitOps.Platform.Tests.Secrets;

public sealed class DotEnvFileTests
{
    [Fact]
    public void Reads_assignments_comments_and_quotes()
    {
        const string Text = """
            # a comment
            PLAIN=value
            export EXPORTED=yes
            SPACED = spaced value   # trailing comment
            HASH_IN_VALUE=abc#def
            SINGLE='literal $HOME \n # kept'
            DOUBLE="line one\nline \"two\""
            EMPTY=

            """;

        var values = DotEnvFile.Parse(Text.Replace("\r", string.Empty, StringComparison.Ordinal), ".env");

        values.ShouldBe(
            new Dictionary<string, string>
            {
                ["PLAIN"] = "value",
                ["EXPORTED"] = "yes",
                ["SPACED"] = "spaced value",
                ["HASH_IN_VALUE"] = "abc#def",
                ["SINGLE"] = "literal $HOME \\n # kept",
                ["DOUBLE"] = "line one\nline \"two\"",
                ["EMPTY"] = string.Empty,
            },
            ignoreOrder: true);
    }

    [Fact]
    public void A_bad_line_is_named_by_file_and_line_without_its_value()
    {
        var error = Should.Throw<DotEnvFormatException>(() => DotEnvFile.Parse("A=1\nglpat-oops-pasted-token\n", ".env"));

        error.Message.ShouldBe(".env:2: expected KEY=VALUE with a KEY of letters, digits and _ (not starting with a digit)");
    }

    [Fact]
    public void An_unclosed_quote_is_an_error()
    {
        var error = Should.Throw<DotEnvFormatException>(() => DotEnvFile.Parse("TOKEN=\"abc\n", "/repo/.env"));

        error.Message.ShouldBe("/repo/.env:1: the value's \" is never closed; values must fit on one line");
    }

    [Fact]
    public async Task A_missing_file_means_no_variables()
    {
        var values = await DotEnvFile.ReadAsync(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), ".env"), CancellationToken.None);

        values.ShouldBeEmpty();
    }
}
