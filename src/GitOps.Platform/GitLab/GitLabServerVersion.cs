namespace GitOps.Platform.GitLab;

/// <summary>What <c>GET /version</c> says: the release, such as <c>18.6.0-ee</c>.</summary>
public sealed record GitLabServerVersion
{
    public string Version { get; init; } = string.Empty;

    public string? Revision { get; init; }

    /// <summary>Major, minor and patch of <see cref="Version"/> (its edition suffix dropped); null when it reads as none.</summary>
    public Version? Release => System.Version.TryParse(Version.Split('-', 2)[0], out var release) ? release : null;
}
