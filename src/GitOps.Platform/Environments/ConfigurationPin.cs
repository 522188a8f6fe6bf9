namespace GitOps.Platform.Environments;

/// <summary>
/// The revision of this repository a promoted stage runs: the full commit SHA its parent Applications render
/// <c>charts/app-of-apps</c> at. <see cref="File"/> and <see cref="Line"/> are where the pin is written (the first
/// chart source's targetRevision in <c>environments/&lt;stage&gt;/app-of-apps-&lt;stage&gt;.yaml</c>), for messages.
/// </summary>
public sealed record ConfigurationPin(Stage Stage, string Sha, string File, int Line)
{
    /// <summary>The first 12 hex digits, for messages and branch names.</summary>
    public string ShortSha => Sha[..12];

    public override string ToString() => $"{Stage.ToName()} pinned at {Sha} ({File}:{Line})";
}
