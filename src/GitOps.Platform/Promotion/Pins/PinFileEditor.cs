using System.Text;
using System.Text.RegularExpressions;
using GitOps.Platform.Environments;
using GitOps.Platform.Promotion.Yaml;
using YamlDotNet.Core;

namespace GitOps.Platform.Promotion.Pins;

/// <summary>
/// Reads and moves a stage's pin in <c>app-of-apps-&lt;stage&gt;.yaml</c> by splicing the new commit into the original
/// text, as <see cref="ValuesFileEditor"/> does for <c>deployedRelease</c>: comments, quoting and the other sources stay.
/// </summary>
public static partial class PinFileEditor
{
    public static IReadOnlyList<StagePin> Read(string text, string source) =>
        [.. PinLocator.Find(text, EnvironmentLayout.ChartDirectory, source).Select(pin => new StagePin(pin.Application, pin.Revision.Value, pin.Revision.Line))];

    /// <summary>The text with every Application's chart source, and its other sources of the same repository, pinned to <paramref name="revision"/>.</summary>
    public static string Set(string text, string revision, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(revision);
        var pins = PinLocator.Find(text, EnvironmentLayout.ChartDirectory, source);
        if (pins.Count == 0)
        {
            throw ScalarLocator.Error(source, 1, $"has no Application rendering {EnvironmentLayout.ChartDirectory}; there is no pin to move");
        }

        // From the end, so the offsets of the pins before each splice stay valid.
        var edited = new StringBuilder(text);
        foreach (var location in pins.SelectMany(pin => pin.SameRepository.Prepend(pin.Revision)).OrderByDescending(location => location.ContentStart))
        {
            edited.Remove(location.ContentStart, location.ContentEnd - location.ContentStart)
                .Insert(location.ContentStart, Render(revision, location.Style));
        }

        var result = edited.ToString();

        // Read back as a string: a plain scalar that YAML would read as a number fails here rather than in Argo CD.
        return Read(result, source).All(pin => pin.Revision == revision) ? result
            : throw ScalarLocator.Error(source, pins[0].Revision.Line, $"'{revision}' could not be written as the pin; write targetRevision as a plain or quoted scalar");
    }

    // A SHA of digits (and at most one 'e') reads as a number in YAML, which Argo CD's string field refuses: quote it.
    private static string Render(string revision, ScalarStyle style) =>
        style == ScalarStyle.Plain && NumberLike().IsMatch(revision) ? $"\"{revision}\"" : ValuesFileEditor.Render(revision, style);

    [GeneratedRegex("^[0-9]*(e[0-9]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();
}
