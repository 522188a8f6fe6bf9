using YamlDotNet.Core;

namespace GitOps.Platform.Environments.Yaml;

/// <summary>
/// YamlDotNet's syntax errors in plain words: its messages are written for parser authors ("While scanning a plain
/// scalar, find unexpected ':'", "(Line: 3, Col: 1, Idx: 20) - …"). The line is reported beside, so only what is wrong
/// and how to fix it is said here.
/// </summary>
internal static class YamlSyntax
{
    private static readonly (string Says, string Means)[] Known =
    [
        ("tab", "a tab character where YAML needs spaces; indent with spaces"),
        ("cannot start any token", "a character that cannot start a value here; quote the value (and indent with spaces, not tabs)"),
        ("did not find expected key", "a line is indented differently from the keys around it, or a key lacks its ':'"),
        ("did not find expected '-' indicator", "a list item is indented differently from the items before it"),
        ("mapping values are not allowed", "a ':' where a value was expected; quote values that contain ': '"),
        ("did not find expected ',' or ']'", "a [ ] list is not closed, or its items lack a ','"),
        ("did not find expected ',' or '}'", "a { } mapping is not closed, or its entries lack a ','"),
        ("did not find expected node content", "a key or list item has no value where one must follow"),
        ("unexpected end of stream", "the file ends inside a quoted value or an open [ ] / { }"),
        ("found unknown escape character", "an unknown escape in a double-quoted value; write \\\\ for a backslash, or use single quotes"),
        ("did not find expected hexdecimal number", "an escape in a double-quoted value is not followed by hex digits"),
        ("alias", "an alias (*name) names no anchor (&name) before it"),
        ("anchor", "an alias (*name) names no anchor (&name) before it"),
        ("duplicate key", "a key appears twice in the same mapping"),
        ("key already", "a key appears twice in the same mapping"),
        ("did not find the expected '>'", "a tag (!<...>) is not closed with '>'"),
        ("tag", "a tag (!name) that is not written correctly"),
        ("directive", "a % directive line that is not written correctly; remove it"),
        ("quoted scalar", "a quoted value is not closed on the lines that follow"),
        ("block scalar", "a | or > block is not indented like its first line"),
        ("simple key", "a key spans more than one line or is longer than 1024 characters; quote it on one line"),
        ("document", "a document marker (--- or ...) where content was expected"),
    ];

    public static string Describe(string parserMessage)
    {
        var message = parserMessage ?? string.Empty;
        foreach (var (says, means) in Known)
        {
            if (message.Contains(says, StringComparison.OrdinalIgnoreCase))
            {
                return means;
            }
        }

        return "the text is not valid YAML here";
    }

    public static (int Line, int Column) Position(YamlException exception) =>
        (Math.Max(1, checked((int)exception.Start.Line)), Math.Max(1, checked((int)exception.Start.Column)));
}
