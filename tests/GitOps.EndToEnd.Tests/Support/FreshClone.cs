namespace GitOps.EndToEnd.Tests.Support;

/// <summary>
/// The repository as a newcomer gets it: a git clone in a temp directory, with the working tree's current files laid
/// over it (so uncommitted work is tested too), and nothing built yet.
/// </summary>
public sealed class FreshClone : IDisposable
{
    public FreshClone()
    {
        Source = RepositoryRoot.Find();
        Parent = Directory.CreateTempSubdirectory("gitops-clone-").FullName;
        Root = Path.Combine(Parent, "repo");
        Git(Parent, "clone", "--quiet", "--no-hardlinks", Source, Root);
        foreach (var file in Git(Source, "ls-files", "--cached", "--others", "--exclude-standard", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var from = Path.Combine(Source, file);
            var to = Path.Combine(Root, file);
            if (File.Exists(from))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(from, to, overwrite: true);
            }
            else if (File.Exists(to))
            {
                File.Delete(to);
            }
        }
    }

    public string Source { get; }

    public string Parent { get; }

    public string Root { get; }

    public ProcessResult BuildSh(params string[] args) => BuildSh(new Dictionary<string, string?>(), args);

    public ProcessResult BuildSh(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        ProcessResult.Run(Path.Combine(Root, "build.sh"), args, Root, environment);

    public static string Git(string directory, params string[] args)
    {
        var result = ProcessResult.Run("git", args, directory, new Dictionary<string, string?>());
        return result.ExitCode == 0 ? result.Output : throw new InvalidOperationException($"git {string.Join(' ', args)}: {result.Error}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Parent, recursive: true);
        }
        catch (IOException)
        {
            // A tool may still hold a file in the temp dir for a moment; the OS cleans temp eventually.
        }
    }
}
