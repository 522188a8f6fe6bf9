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
            // The build writes .nuke/build.schema.json, logs and kubeconfigs below the root: a mistyped --root must not
            // scatter them over /, /dev or someone's home directory.
            return !Directory.Exists(full) ? throw new UsageException($"--root {explicitRoot}: no such directory; pass the repository's root (where build.sh and .nuke/ are).")
                : !Directory.Exists(Path.Combine(full, ".nuke")) ? throw new UsageException($"--root {explicitRoot}: not a repository of this build (it has no .nuke/ directory); pass the repository's root (where build.sh and .nuke/ are).")
                : full;
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
