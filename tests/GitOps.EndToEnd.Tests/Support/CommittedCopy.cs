namespace GitOps.EndToEnd.Tests.Support;

/// <summary>
/// A copy of a clone with its working tree committed, because gitlab-ci-local gives each job only tracked files, and
/// with the clone's compiled build and tools in the pipeline's warm cache.
/// </summary>
internal sealed class CommittedCopy : IDisposable
{
    public CommittedCopy(FreshClone clone)
    {
        Parent = Directory.CreateTempSubdirectory("gitops-pipeline-").FullName;
        Root = Path.Combine(Parent, "repo");
        FreshClone.Git(Parent, "clone", "--quiet", "--no-hardlinks", clone.Root, Root);
        foreach (var file in FreshClone.Git(clone.Root, "ls-files", "--cached", "--others", "--exclude-standard", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var from = Path.Combine(clone.Root, file);
            if (File.Exists(from))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, file))!);
                File.Copy(from, Path.Combine(Root, file), overwrite: true);
            }
        }

        FreshClone.Git(Root, "add", "-A");
        FreshClone.Git(Root, "-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "--quiet", "--allow-empty", "-m", "working tree under test");
        WarmPipelineCache.Fill(clone.Root, Root);
    }

    public string Parent { get; }

    public string Root { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Parent, recursive: true);
        }
        catch (IOException)
        {
            // A job may still hold a file for a moment; the OS cleans temp eventually.
        }
    }
}
