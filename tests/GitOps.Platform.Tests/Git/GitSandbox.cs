using GitOps.Platform.Git;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Git;

/// <summary>A bare repository on disk as the remote and a clone of it, with git isolated from the machine's config.</summary>
internal sealed class GitSandbox : IDisposable
{
    public GitSandbox()
    {
        Root = Directory.CreateTempSubdirectory("gitops-git-").FullName;
        Masker = new SecretMasker();
        Runner = new ToolRunner(new ToolLocator(Path.Combine(Root, "tools")), NullLog.Instance, Masker);
        RemotePath = Path.Combine(Root, "remote.git");
        ClonePath = Path.Combine(Root, "work");
        var isolated = new Dictionary<string, string?> { ["GIT_CONFIG_GLOBAL"] = Path.Combine(Root, "gitconfig"), ["GIT_CONFIG_NOSYSTEM"] = "1" };
        File.WriteAllText(Path.Combine(Root, "gitconfig"), string.Empty);
        Git = new GitCli(Runner, ClonePath, Masker) { Environment = isolated };
    }

    public string Root { get; }

    public string RemotePath { get; }

    public string ClonePath { get; }

    public SecretMasker Masker { get; }

    public ToolRunner Runner { get; }

    public GitCli Git { get; }

    /// <summary>Creates the bare remote (default branch main) and a clone with one commit holding the files.</summary>
    public async Task InitializeAsync(IReadOnlyDictionary<string, string> files)
    {
        var outside = Git.In(Root);
        await outside.RunAsync(["init", "--quiet", "--bare", "-b", "main", RemotePath], CancellationToken.None);
        await outside.RunAsync(["clone", "--quiet", RemotePath, ClonePath], CancellationToken.None);
        await Git.RunAsync(["checkout", "--quiet", "-b", "main"], CancellationToken.None);
        await CommitFilesAsync(files, "Initial desired state");
        await Git.RunAsync(["push", "--quiet", "origin", "main"], CancellationToken.None);
    }

    public async Task<string> CommitFilesAsync(IReadOnlyDictionary<string, string> files, string message)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(ClonePath, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content);
        }

        await Git.AddAsync([.. files.Keys], CancellationToken.None);
        return (await Git.CommitAsync(message, CancellationToken.None))!;
    }

    /// <summary>What the remote's branch holds for a file (read from the bare repository itself).</summary>
    public Task<string?> RemoteFileAsync(string branch, string path) =>
        Git.In(RemotePath).ShowFileAsync(branch, path, CancellationToken.None);

    public async Task<IReadOnlyList<string>> RemoteBranchesAsync()
    {
        var output = await Git.In(RemotePath).RunAsync(["for-each-ref", "--format=%(refname:short)", "refs/heads"], CancellationToken.None);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory must not fail a test that passed.
        }
    }
}
