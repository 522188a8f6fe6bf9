namespace GitOps.Targets.GitLabCi;

/// <summary>
/// An OIDC ID token GitLab issues to the job (<c>id_tokens:</c>), exposed as a CI/CD variable of the token's name.
/// Its <c>aud</c> claim is what the receiving service checks; GitLab expands variables in it (16.1+).
/// </summary>
public sealed record GitLabIdToken
{
    public GitLabIdToken(params IReadOnlyList<string> audiences)
    {
        ArgumentNullException.ThrowIfNull(audiences);
        Audiences = [.. audiences];
    }

    /// <summary>One audience is written as a string, several as a list.</summary>
    public IReadOnlyList<string> Audiences { get; }
}
