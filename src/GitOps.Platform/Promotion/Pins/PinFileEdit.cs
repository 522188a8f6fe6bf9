namespace GitOps.Platform.Promotion.Pins;

/// <summary>The stage's pin moving from <see cref="PreviousRevision"/> to <see cref="NewRevision"/> in its app-of-apps file.</summary>
public sealed record PinFileEdit(string Stage, string Path, string PreviousRevision, string NewRevision, string OriginalText, string EditedText)
{
    /// <summary>The line of the (first) pin that moves, for messages.</summary>
    public long Line { get; init; }

    /// <summary>The edit moving every Application of <paramref name="file"/> to <paramref name="revision"/>, or null when all are there.</summary>
    public static PinFileEdit? For(StagePinFile file, string revision)
    {
        ArgumentNullException.ThrowIfNull(file);
        var pins = file.Pins;
        if (pins.Count > 0 && pins.All(pin => pin.Revision == revision))
        {
            return null;
        }

        var previous = pins.Select(pin => pin.Revision).Distinct(StringComparer.Ordinal).ToList();
        return new PinFileEdit(file.Stage, file.Path, string.Join(", ", previous), revision, file.Text, PinFileEditor.Set(file.Text, revision, file.Path))
        {
            Line = pins.Count > 0 ? pins[0].Line : 1,
        };
    }
}
