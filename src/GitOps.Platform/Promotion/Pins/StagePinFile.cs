using GitOps.Platform.Environments;

namespace GitOps.Platform.Promotion.Pins;

/// <summary>A stage's <c>app-of-apps-&lt;stage&gt;.yaml</c>: its path relative to the repository root and its text.</summary>
public sealed record StagePinFile(string Stage, string Path, string Text)
{
    public IReadOnlyList<StagePin> Pins => PinFileEditor.Read(Text, Path);

    public static async Task<StagePinFile> ReadAsync(string repositoryRoot, string stage, CancellationToken cancellationToken)
    {
        var path = EnvironmentLayout.AppOfAppsFile(EnvironmentNames.ParseStage(stage));
        return new StagePinFile(stage, path, await ValuesFileText.ReadAsync(System.IO.Path.Combine(repositoryRoot, path), cancellationToken));
    }

    /// <summary>
    /// The one commit every Application of the stage is pinned to. A stage whose clouds are pinned to different commits,
    /// or to a branch, runs no single configuration that could be promoted.
    /// </summary>
    public string Revision()
    {
        var pins = Pins;
        var revisions = pins.Select(pin => pin.Revision).Distinct(StringComparer.Ordinal).ToList();
        if (revisions.Count != 1)
        {
            var listed = pins.Count == 0 ? "no Application" : string.Join(", ", pins.Select(pin => $"{pin.Application}: {pin.Revision} (line {pin.Line})"));
            throw new PromotionRefusedException(RefusalReason.InconsistentSource,
                $"{Path}: stage '{Stage}' must pin every Application to one commit ({listed}); promote once they agree");
        }

        var pin = pins[0];
        return CommitRevision.IsFull(pin.Revision) ? pin.Revision
            : throw new PromotionRefusedException(RefusalReason.Unpinned,
                $"{Path}:{pin.Line}: stage '{Stage}' tracks '{pin.Revision}', not a commit; a promoted stage runs a pinned commit (a full 40-hex SHA)");
    }
}
