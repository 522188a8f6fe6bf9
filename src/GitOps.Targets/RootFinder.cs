using GitOps.Targets.Errors;

namespace GitOps.Targets;

/// <summary>
/// The repository root: <c>--root</c>, if it holds every marker of this kind of repository; else the nearest directory
/// above the compiled build that has a <c>.nuke</c> folder (so <c>/path/to/repo/build.sh</c> works from anywhere); else
/// the nearest one above the working directory.
/// </summary>
internal static class RootFinder
{
    public const string NukeMarker = ".nuke/";

    public static string Find(string? explicitRoot, string workingDirectory, string? buildDirectory, IReadOnlyList<string> markers)
    {
        if (explicitRoot is not null)
        {
            var full = Path.GetFullPath(explicitRoot, workingDirectory);
            // The build writes .nuke/build.schema.json, logs and kubeconfigs below the root: a mistyped --root must not
            // scatter them over /, /dev or someone's home directory, nor over a stray directory that merely has a .nuke/.
            IReadOnlyList<string> required = [NukeMarker, .. markers.Where(marker => marker != NukeMarker)];
            var where = $"pass the repository's root (where {Cli.EntryPoint.Script}{string.Concat(required.SkipLast(1).Select(marker => ", " + marker))} and {required[^1]} are).";
            if (explicitRoot.Trim().Length == 0)
            {
                // An unset variable in a calling script ("--root $REPO"): the working directory is not what was meant.
                throw new UsageException($"--root is empty; {where}");
            }

            if (!Directory.Exists(full))
            {
                throw new UsageException($"--root {explicitRoot}: no such directory; {where}");
            }

            var missing = required.Where(marker => !Has(full, marker)).ToList();
            return missing.Count == 0
                ? full
                : throw new UsageException($"--root {explicitRoot}: not a repository of this build (it has no {string.Join(" and no ", missing.Select(Describe))}); {where}");
        }

        return (buildDirectory is null ? null : NearestWithNuke(buildDirectory))
            ?? NearestWithNuke(workingDirectory)
            ?? throw new UsageException($"No .nuke directory in {workingDirectory} or above it: run from the repository, or pass --root <dir>.");
    }

    private static bool Has(string root, string marker) => marker.EndsWith('/')
        ? Directory.Exists(Path.Combine(root, marker.TrimEnd('/')))
        : File.Exists(Path.Combine(root, marker));

    private static string Describe(string marker) => marker.EndsWith('/') ? $"{marker} directory" : $"{marker} file";

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
