using GitOps.Targets.Errors;

namespace GitOps.Targets;

/// <summary>
/// The repository root: <c>--root</c>; else the nearest directory above the compiled build that has a <c>.nuke</c>
/// folder (so <c>/path/to/repo/build.sh</c> works from anywhere); else the nearest one above the working directory.
/// </summary>
internal static class RootFinder
{
    public static string Find(string? explicitRoot, string workingDirectory, string? buildDirectory)
    {
        if (explicitRoot is not null)
        {
            var full = Path.GetFullPath(explicitRoot, workingDirectory);
            return Directory.Exists(full) ? full : throw new UsageException($"--root: directory '{explicitRoot}' does not exist.");
        }

        return (buildDirectory is null ? null : NearestWithNuke(buildDirectory))
            ?? NearestWithNuke(workingDirectory)
            ?? throw new UsageException($"No .nuke directory in {workingDirectory} or above it: run from the repository, or pass --root <dir>.");
    }

    private static string? NearestWithNuke(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
