using GitOps.Platform.Promotion.Yaml;
using YamlDotNet.Core;

namespace GitOps.Platform.Promotion;

/// <summary>
/// Reads and edits one scalar of a YAML values file by splicing the new value into the original text, so comments,
/// order, quoting, line endings, anchors, other documents and a BOM stay exactly as they were.
/// Keys are top-level names or dotted paths (<c>e2e.baseUrl</c>).
/// </summary>
public static class ValuesFileEditor
{
    /// <summary>The key that pins the platform release an environment runs.</summary>
    public const string DeployedRelease = "deployedRelease";

    private const string DefaultSource = "<values>";

    public static string ReadScalar(string text, string key, string? source = null) =>
        TryReadScalar(text, key, source)
        ?? throw ScalarLocator.Error(source ?? DefaultSource, 1, $"'{key}' is missing; add it as a top-level scalar");

    /// <summary>The scalar's value, or null when the key is absent; still throws when it is present but unusable.</summary>
    public static string? TryReadScalar(string text, string key, string? source = null) =>
        ScalarLocator.Find(text, key, source ?? DefaultSource)?.Value;

    /// <summary>The text with the scalar at <paramref name="key"/> set to <paramref name="value"/> in its current quoting style.</summary>
    public static string SetScalar(string text, string key, string value, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = source ?? DefaultSource;
        var location = ScalarLocator.Find(text, key, name)
            ?? throw ScalarLocator.Error(name, 1, $"'{key}' is missing; add it before it can be edited");
        if (location.Value == value)
        {
            return text;
        }

        var rendered = Render(value, location.Style);

        // An empty plain value (`key:`) has no content to replace; keep a space after the colon.
        var needsSpace = location.ContentStart == location.ContentEnd && location.ContentStart > 0
            && !char.IsWhiteSpace(text[location.ContentStart - 1]);
        var edited = string.Concat(text.AsSpan(0, location.ContentStart), needsSpace ? " " : string.Empty, rendered,
            text.AsSpan(location.ContentEnd));

        // The value must read back unchanged: a plain scalar cannot hold every string (`a: b`, `#x`, leading quotes).
        var check = ScalarLocator.Find(edited, key, name);
        if (check?.Value != value)
        {
            throw ScalarLocator.Error(name, location.Line,
                $"'{value}' cannot be written as a {location.Style} scalar for '{key}'; quote the value in the file");
        }

        return edited;
    }

    internal static string Render(string value, ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'",
        ScalarStyle.DoubleQuoted => YamlQuoting.DoubleQuoted(value),
        _ => value,
    };
}
