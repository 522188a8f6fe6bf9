using YamlDotNet.Core;

namespace GitOps.Platform.Promotion.Yaml;

/// <summary>Finds the one scalar a dotted key path names, across every document of a YAML text.</summary>
internal static class ScalarLocator
{
    private const char ByteOrderMark = '\uFEFF';

    /// <summary>The scalar's location, or null when no document has the key.</summary>
    public static ScalarLocation? Find(string text, string keyPath, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(keyPath);

        // YamlDotNet reads a BOM as part of the first key, so it is parsed without one and offsets shifted back.
        var offset = text.Length > 0 && text[0] == ByteOrderMark ? 1 : 0;
        var documents = Parse(text[offset..], source);
        var segments = keyPath.Split('.');
        var matches = documents.Select(document => Walk(document, segments, keyPath, source))
            .OfType<YamlOutlineNode>().ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        if (matches.Count > 1)
        {
            throw Error(source, matches[1].Event.Start.Line,
                $"'{keyPath}' appears in {matches.Count} documents (first at line {matches[0].Event.Start.Line}); it must appear once");
        }

        return Locate(text, offset, matches[0], keyPath, source);
    }

    internal static IReadOnlyList<YamlOutlineNode> Parse(string text, string source)
    {
        try
        {
            return YamlOutlineReader.ReadDocuments(text);
        }
        catch (YamlException exception)
        {
            throw Error(source, exception.Start.Line, $"is not valid YAML: {exception.Message}", exception);
        }
    }

    private static YamlOutlineNode? Walk(YamlOutlineNode node, string[] segments, string keyPath, string source)
    {
        var current = node;
        for (var index = 0; index < segments.Length; index++)
        {
            var walked = string.Join('.', segments.Take(index));
            if (!current.IsMapping)
            {
                // Only the document root may be something other than a mapping without it being an error.
                return index == 0 && !current.IsAlias ? null
                    : throw Error(source, current.Event.Start.Line, $"'{walked}' is {current.Describe()}, not a mapping, so '{keyPath}' cannot be read");
            }

            var found = current.Pairs.Where(pair => pair.Key.Scalar?.Value == segments[index]).ToList();
            if (found.Count > 1)
            {
                throw Error(source, found[1].Key.Event.Start.Line,
                    $"key '{segments[index]}' appears twice in the same mapping (first at line {found[0].Key.Event.Start.Line})");
            }

            if (found.Count == 0)
            {
                return null;
            }

            current = found[0].Value;
        }

        return current;
    }

    internal static ScalarLocation Locate(string text, int offset, YamlOutlineNode node, string keyPath, string source)
    {
        var line = node.Event.Start.Line;
        if (node.Scalar is not { } scalar)
        {
            throw Error(source, line, $"'{keyPath}' is {node.Describe()}; only a plain or quoted scalar can be read or edited");
        }

        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            throw Error(source, line, $"'{keyPath}' is a block scalar (| or >); write it as a plain or quoted scalar");
        }

        var end = (int)scalar.End.Index + offset;
        var start = SkipProperties(text, (int)scalar.Start.Index + offset, end);
        if (text.AsSpan(start, end - start).IndexOfAny('\r', '\n') >= 0)
        {
            throw Error(source, line, $"'{keyPath}' spans several lines; write it on one line");
        }

        return new ScalarLocation(start, end, scalar.Style, scalar.Value, line);
    }

    // A scalar event starts at its tag or anchor (`!!str 1.2.3`, `&v 1.2.3`); the content starts after them.
    private static int SkipProperties(string text, int start, int end)
    {
        var position = start;
        while (position < end && text[position] is '!' or '&')
        {
            while (position < end && !char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            while (position < end && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        return position;
    }

    internal static ValuesFileException Error(string source, long line, string message, Exception? inner = null) =>
        new($"{source}:{line}: {message}", inner);
}
