namespace GitOps.EndToEnd.Tests.Support;

/// <summary>
/// A copy of a clone with its working tree committed, because gitlab-ci-local gives each job only tracked files. The
/// clone's compiled build and tools are put into gitlab-ci-local's cache folders under the generated pipeline's cache
/// keys, as a warm GitLab cache would hold them, so no job compiles the build again.
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
        var temp = Path.Combine(clone.Root, ".nuke", "temp");
        Copy(Path.Combine(temp, "build-bin"), Cache("compiled-build", ".nuke/temp/build-bin"));
        File.Copy(Path.Combine(temp, "build.stamp"), Cache("compiled-build", ".nuke/temp/build.stamp"));
        Copy(Path.Combine(clone.Root, ".nuke", "tools"), Cache("tools", ".nuke/tools"));
    }

    public string Parent { get; }

    public string Root { get; }

    private string Cache(string key, string path)
    {
        var target = Path.Combine(Root, ".gitlab-ci-local", "cache", key, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        return target;
    }

    private static void Copy(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        var result = ProcessResult.Run("cp", ["-a", from, to], "/", new Dictionary<string, string?>());
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"cp {from}: {result.Error}");
        }
    }

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
