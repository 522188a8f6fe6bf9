namespace GitOps.Platform.Git;

public sealed partial class GitCli
{
    /// <summary>Whether <paramref name="revision"/> names a commit this clone has (<c>git cat-file -e rev^{commit}</c>).</summary>
    public async Task<bool> HasCommitAsync(string revision, CancellationToken cancellationToken) =>
        (await RunRawAsync(["cat-file", "-e", $"{revision}^{{commit}}"], quiet: true, throwOnFailure: false, cancellationToken)).Succeeded;

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="descendant"/> or one of its ancestors.</summary>
    public async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken)
    {
        var result = await RunRawAsync(["merge-base", "--is-ancestor", ancestor, descendant], quiet: true, throwOnFailure: false, cancellationToken);

        // 1 means "not an ancestor"; anything else (128: unknown commit) is a real failure.
        return result.ExitCode switch
        {
            0 => true,
            1 => false,
            _ => throw new InvalidOperationException($"git merge-base --is-ancestor {ancestor} {descendant} failed: {result.StandardError.Trim()}"),
        };
    }

    /// <summary>Whether this clone has only part of the history (GitLab CI clones shallow unless GIT_DEPTH is 0).</summary>
    public async Task<bool> IsShallowAsync(CancellationToken cancellationToken) =>
        (await RunAsync(["rev-parse", "--is-shallow-repository"], cancellationToken)).Trim() == "true";

    /// <summary>Writes <paramref name="path"/> as it is at <paramref name="revision"/> to a tar file, without touching the index or working tree.</summary>
    public Task ArchiveAsync(string revision, string path, string tarFile, CancellationToken cancellationToken) =>
        ArchiveAsync(revision, [path], tarFile, cancellationToken);

    /// <summary>Writes the given paths as they are at <paramref name="revision"/> into a tar file (git archive); fails when one is missing there.</summary>
    public Task ArchiveAsync(string revision, IReadOnlyList<string> paths, string tarFile, CancellationToken cancellationToken) =>
        RunAsync(["archive", "--format=tar", $"--output={tarFile}", revision, "--", .. paths], cancellationToken);
}
