using System.Text;
using GitOps.Targets.GitLabCi;

namespace GitOps.Targets.Tests.Support;

/// <summary>
/// Expected files beside the tests in the source tree (default: Snapshots/). UPDATE_SNAPSHOTS=1 rewrites them; a missing
/// one is written and the test fails, so a new snapshot is always looked at before it is committed.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, string? directory = null)
    {
        var path = Path.Combine(directory ?? Path.Combine(RepositoryRoot.Path, "tests", "GitOps.Targets.Tests", "Snapshots"), name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var update = UpdateRequested();
        if (update || !File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            update.ShouldBeTrue($"snapshot {path} did not exist and was written; review it, commit it and rerun");
            return;
        }

        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            Assert.Fail($"snapshot {name} differs (rerun with UPDATE_SNAPSHOTS=1 to accept):\n{GeneratedFileCheck.Compare(path, expected, actual).Diff}");
        }
    }

    /// <summary>UPDATE_SNAPSHOTS=1, refused when CI is set: there it would make every snapshot test pass whatever the output.</summary>
    public static bool UpdateRequested()
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") != "1")
        {
            return false;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail("UPDATE_SNAPSHOTS=1 is refused when CI is set: it would pass any output; update the snapshots locally and commit them.");
        }

        return true;
    }
}
