using GitOps.Targets.Errors;

namespace GitOps.Targets;

/// <summary>The repository root: <c>--root</c>, else the nearest directory upwards that has a <c>.nuke</c> folder.</summary>
internal static class RootFinder
{
    public static string Find(string? explicitRoot, string workingDirectory)
    {
        if (explicitRoot is not null)
        {
            var full = Path.GetFullPath(explicitRoot, workingDirectory);
            return Directory.Exists(full) ? full : throw new UsageException($"--root: directory '{explicitRoot}' does not exist.");
        }

        for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
            {
                return directory.FullName;
            }
        }

        return workingDirectory;
    }
}
