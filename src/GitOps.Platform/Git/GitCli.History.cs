namespace GitOps.Platform.Git;

public sealed partial class GitCli
{
    /// <summary>The commits that touched <paramref name="path"/>, newest first (<c>git log --format=%H -- path</c>).</summary>
    public async Task<IReadOnlyList<string>> FileHistoryAsync(string path, CancellationToken cancellationToken, string revision = "HEAD") =>
        Lines(await RunAsync(["log", "--format=%H", revision, "--", path], cancellationToken));

    /// <summary>
    /// The file as it was at <paramref name="revision"/>, or null where it did not exist. Line endings come back as LF:
    /// the tool runner reads output line by line, so use this for reading values, never for rewriting files.
    /// </summary>
    public async Task<string?> ShowFileAsync(string revision, string path, CancellationToken cancellationToken)
    {
        var result = await RunRawAsync(["show", $"{revision}:{path.Replace('\\', '/')}"], quiet: true, throwOnFailure: false, cancellationToken);
        return result.Succeeded ? result.StandardOutput : null;
    }

    /// <summary>The unified diff between two revisions, optionally limited to some paths.</summary>
    public Task<string> DiffAsync(string from, string to, CancellationToken cancellationToken, IReadOnlyList<string>? paths = null) =>
        RunAsync(["diff", "--no-color", "--no-ext-diff", from, to, "--", .. paths ?? []], cancellationToken);

    /// <summary>The unified diff of two files on disk, inside a repository or not (empty when they are equal).</summary>
    public async Task<string> DiffFilesAsync(string before, string after, CancellationToken cancellationToken)
    {
        var result = await RunRawAsync(["diff", "--no-index", "--no-color", "--no-ext-diff", "--", before, after], quiet: true, throwOnFailure: false, cancellationToken);

        // --no-index exits 1 when the files differ; anything above is a real failure.
        return result.ExitCode <= 1 ? result.StandardOutput
            : throw new InvalidOperationException($"git diff --no-index failed with exit code {result.ExitCode}: {result.StandardError.Trim()}");
    }

    /// <summary>Tracked files, optionally matching pathspecs, with paths as written (no octal quoting).</summary>
    public async Task<IReadOnlyList<string>> ListFilesAsync(CancellationToken cancellationToken, IReadOnlyList<string>? pathspecs = null) =>
        Lines(await RunAsync(["-c", "core.quotepath=off", "ls-files", "--", .. pathspecs ?? []], cancellationToken));
}
