using System.Text;
using GitOps.Platform.Environments;
using GitOps.Platform.Promotion.Yaml;

namespace GitOps.Platform.Promotion.Pins;

/// <summary>
/// Reads and moves a stage's pin in <c>app-of-apps-&lt;stage&gt;.yaml</c> by splicing the new commit into the original
/// text, as <see cref="ValuesFileEditor"/> does for <c>deployedRelease</c>: comments, quoting and the other sources stay.
/// </summary>
public static class PinFileEditor
{
    public static IReadOnlyList<StagePin> Read(string text, string source) =>
        [.. PinLocator.Find(text, EnvironmentLayout.ChartDirectory, source).Select(pin => new StagePin(pin.Application, pin.Revision.Value, pin.Revision.Line))];

    /// <summary>The text with every Application's chart source pinned to <paramref name="revision"/>.</summary>
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
        foreach (var pin in pins.OrderByDescending(pin => pin.Revision.ContentStart))
        {
            edited.Remove(pin.Revision.ContentStart, pin.Revision.ContentEnd - pin.Revision.ContentStart)
                .Insert(pin.Revision.ContentStart, ValuesFileEditor.Render(revision, pin.Revision.Style));
        }

        var result = edited.ToString();
        return Read(result, source).All(pin => pin.Revision == revision) ? result
            : throw ScalarLocator.Error(source, pins[0].Revision.Line, $"'{revision}' could not be written as the pin; write targetRevision as a plain or quoted scalar");
    }
}
