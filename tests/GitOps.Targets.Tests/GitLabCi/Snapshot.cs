using System.Text;

namespace GitOps.Targets.Tests.GitLabCi;

/// <summary>
/// Expected files beside the tests in the source tree. UPDATE_SNAPSHOTS=1 rewrites them; a missing one is written and
/// the test fails so that a new snapshot is always looked at before it is committed.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual)
    {
        var path = Path.Combine(RepositoryRoot.Path, "tests", "GitOps.Targets.Tests", "GitLabCi", "Snapshots", name);
        var update = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";
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
            var diff = GitOps.Targets.GitLabCi.GeneratedFileCheck.Compare(path, expected, actual).Diff;
            Assert.Fail($"snapshot {name} differs (rerun with UPDATE_SNAPSHOTS=1 to accept):\n{diff}");
        }
    }
}
