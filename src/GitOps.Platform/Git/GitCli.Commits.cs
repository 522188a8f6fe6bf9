namespace GitOps.Platform.Git;

public sealed partial class GitCli
{
    public Task AddAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken) =>
        RunAsync(["add", "--", .. paths], cancellationToken);

    /// <summary>The tree the index would commit; equal trees mean equal content.</summary>
    public async Task<string> WriteTreeAsync(CancellationToken cancellationToken) =>
        (await RunAsync(["write-tree"], cancellationToken)).Trim();

    /// <summary>Commits what is staged and returns the new commit, or null when nothing is staged.</summary>
    public async Task<string?> CommitAsync(string message, CancellationToken cancellationToken, GitIdentity? fallback = null)
    {
        var staged = await RunRawAsync(["diff", "--cached", "--quiet"], quiet: true, throwOnFailure: false, cancellationToken);
        if (staged.Succeeded)
        {
            return null;
        }

        var identity = await HasIdentityAsync(cancellationToken) ? [] : IdentityOptions(fallback ?? GitIdentity.Build);
        await RunAsync([.. identity, "commit", "--quiet", "--no-verify", "-m", message], cancellationToken);
        return (await RunAsync(["rev-parse", "HEAD"], cancellationToken)).Trim();
    }

    private static readonly (string Variable, string Key)[] IdentityKeys = [("NAME", "user.name"), ("EMAIL", "user.email")];

    private static string[] IdentityOptions(GitIdentity identity) =>
        ["-c", "user.name=" + identity.Name, "-c", "user.email=" + identity.Email];

    // The environment (GIT_AUTHOR_NAME...) wins over configuration in git itself, so either source is enough.
    private async Task<bool> HasIdentityAsync(CancellationToken cancellationToken)
    {
        foreach (var (variable, key) in IdentityKeys)
        {
            var fromEnvironment = new[] { "GIT_AUTHOR_" + variable, "GIT_COMMITTER_" + variable }
                .All(name => !string.IsNullOrEmpty(Variable(name)));
            if (fromEnvironment)
            {
                continue;
            }

            var configured = await RunRawAsync(["config", "--get", key], quiet: true, throwOnFailure: false, cancellationToken);
            if (!configured.Succeeded || string.IsNullOrWhiteSpace(configured.StandardOutput))
            {
                return false;
            }
        }

        return true;
    }

    private string? Variable(string name) =>
        Environment.TryGetValue(name, out var value) ? value : System.Environment.GetEnvironmentVariable(name);
}
