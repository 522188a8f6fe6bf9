using GitOps.Platform.Promotion.Pins;

namespace GitOps.Platform.Promotion;

/// <summary>What a promoted stage runs: a platform release and the commit of this repository its chart is rendered from.</summary>
public sealed record ReleasePair(ReleaseVersion Release, string Revision)
{
    public override string ToString() => $"{Release} at {CommitRevision.Abbreviate(Revision)}";
}
