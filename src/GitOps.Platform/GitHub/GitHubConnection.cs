namespace GitOps.Platform.GitHub;

/// <summary>
/// A GitHub repository and a token for it. <see cref="ApiUrl"/> is <c>https://api.github.com/</c> for github.com, or the
/// Enterprise server's root (Octokit adds <c>api/v3/</c>).
/// </summary>
public sealed class GitHubConnection(Uri apiUrl, string token, string owner, string repository)
{
    public static readonly Uri PublicApiUrl = new("https://api.github.com/");

    public Uri ApiUrl { get; } = apiUrl ?? throw new ArgumentNullException(nameof(apiUrl));

    public string Token { get; } = string.IsNullOrWhiteSpace(token)
        ? throw new ArgumentException("A GitHub token is required (GITHUB_TOKEN).", nameof(token))
        : token;

    public string Owner { get; } = owner;

    public string Repository { get; } = repository;

    /// <summary>Never shows the token.</summary>
    public override string ToString() => $"{ApiUrl} {Owner}/{Repository}";
}
