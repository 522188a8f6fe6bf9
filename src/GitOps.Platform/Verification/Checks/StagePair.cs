using GitOps.Platform.Environments;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// What a promoted stage's parent file says it runs: its pin and each environment's release (with where they are
/// written, for findings). Environments whose release cannot be read are left out (GO044 and GO005 say why).
/// </summary>
internal sealed record StagePair(ConfigurationPin Pin, IReadOnlyDictionary<EnvironmentId, ParentRelease> Releases)
{
    /// <summary>The pair the text names, or null when it names no single pin.</summary>
    public static StagePair? Read(string text, string file, StageDefinition stage)
    {
        if (!ConfigurationPins.TryParse(text, file, stage.Stage, out var pin, out _))
        {
            return null;
        }

        var releases = new Dictionary<EnvironmentId, ParentRelease>();
        foreach (var environment in stage.Environments)
        {
            if (ParentReleases.TryParse(text, file, environment, out var release, out _) && Promotion.ReleaseVersion.TryParse(release.Value, out _))
            {
                releases[environment] = release;
            }
        }

        return new StagePair(pin, releases);
    }

    /// <summary>The one release every readable environment runs, or null when they differ (no pair to promote from).</summary>
    public string? CommonRelease => Releases.Values.Select(release => release.Value).Distinct(StringComparer.Ordinal).ToList() is [var only] ? only : null;
}
