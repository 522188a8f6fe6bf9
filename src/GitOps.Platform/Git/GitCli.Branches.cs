namespace GitOps.Platform.Git;

public sealed partial class GitCli
{
    /// <summary>The checked-out branch, or null on a detached HEAD (as in a GitLab CI checkout).</summary>
    public async Task<string?> CurrentBranchAsync(CancellationToken cancellationToken)
    {
        var result = await RunRawAsync(["symbolic-ref", "--quiet", "--short", "HEAD"], quiet: true, throwOnFailure: false, cancellationToken);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    /// <summary>The remote's fetch URL without credentials, or null when there is no such remote.</summary>
    public async Task<string?> RemoteUrlAsync(string remote, CancellationToken cancellationToken)
    {
        var result = await RunRawAsync(["remote", "get-url", remote], quiet: true, throwOnFailure: false, cancellationToken);
        if (!result.Succeeded)
        {
            return null;
        }

        var url = result.StandardOutput.Trim();
        foreach (var secret in RemoteUrl.SecretsIn(url))
        {
            secrets?.Register(secret);
        }

        return RemoteUrl.WithoutCredentials(url);
    }

    /// <summary>The branch the remote's HEAD points at (main, master...), asked of the remote itself.</summary>
    public async Task<string> DefaultBranchAsync(string remote, CancellationToken cancellationToken)
    {
        var result = await RunRawAsync(["ls-remote", "--symref", remote, "HEAD"], quiet: true, throwOnFailure: true, cancellationToken, NetworkTimeout);
        const string Prefix = "ref: refs/heads/";
        var line = Lines(result.StandardOutput).FirstOrDefault(candidate => candidate.StartsWith(Prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The remote '{remote}' did not report a default branch (HEAD is not a symbolic ref).");
        return line[Prefix.Length..].Split('\t')[0];
    }

    /// <summary>The commit a remote branch points at, asked of the remote; null when the branch does not exist.</summary>
    public async Task<string?> RemoteBranchCommitAsync(string remote, string branch, CancellationToken cancellationToken)
    {
        var result = await RunRawAsync(["ls-remote", "--heads", remote, "refs/heads/" + branch], quiet: true, throwOnFailure: true, cancellationToken, NetworkTimeout);
        return Lines(result.StandardOutput).Select(line => line.Split('\t')[0]).FirstOrDefault();
    }

    public Task FetchAsync(string remote, IReadOnlyList<string> refspecs, CancellationToken cancellationToken) =>
        RunRawAsync(["fetch", "--quiet", "--no-tags", remote, .. refspecs], quiet: false, throwOnFailure: true, cancellationToken, NetworkTimeout);

    /// <summary>Creates or resets <paramref name="branch"/> at <paramref name="startPoint"/> and checks it out.</summary>
    public Task CheckoutNewBranchAsync(string branch, string startPoint, CancellationToken cancellationToken) =>
        RunAsync(["checkout", "--quiet", "-B", branch, startPoint], cancellationToken);

    /// <summary>The commit a revision names, or null when it does not resolve.</summary>
    public async Task<string?> RevParseAsync(string revision, CancellationToken cancellationToken)
    {
        var result = await RunRawAsync(["rev-parse", "--verify", "--quiet", revision], quiet: true, throwOnFailure: false, cancellationToken);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    /// <summary>
    /// Pushes HEAD to <paramref name="branch"/>, overwriting it only if the remote still holds
    /// <paramref name="expectedRemoteCommit"/> (null: only if the branch does not exist yet).
    /// </summary>
    public Task PushAsync(string remote, string branch, string? expectedRemoteCommit, CancellationToken cancellationToken) =>
        RunRawAsync(
            ["push", "--porcelain", $"--force-with-lease=refs/heads/{branch}:{expectedRemoteCommit ?? string.Empty}", remote, $"HEAD:refs/heads/{branch}"],
            quiet: false,
            throwOnFailure: true,
            cancellationToken,
            NetworkTimeout);
}
