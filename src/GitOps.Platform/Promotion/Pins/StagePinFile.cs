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
    /// The one commit every Application of the stage is pinned to, read as Verify reads it. A stage whose clouds are
    /// pinned to different commits, or to a branch, runs no single configuration that could be promoted.
    /// </summary>
    public string Revision()
    {
        try
        {
            return ConfigurationPins.Parse(Text, Path, EnvironmentNames.ParseStage(Stage)).Sha;
        }
        catch (ConfigurationPinException exception)
        {
            throw new PromotionRefusedException(RefusalReason.Unpinned,
                $"stage '{Stage}' runs no single pinned commit: {string.Join("; ", exception.Errors)}");
        }
    }
}
