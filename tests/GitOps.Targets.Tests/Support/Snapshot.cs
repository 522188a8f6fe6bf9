namespace GitOps.Targets.Tests.Support;

/// <summary>
/// Compares text with an expected file kept beside the tests (Snapshots/). Set UPDATE_SNAPSHOTS=1 to rewrite them.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, string? directory = null)
    {
        var path = Path.Combine(directory ?? Path.Combine(RepositoryRoot.Find(), "tests", "GitOps.Targets.Tests", "Snapshots"), name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" || !File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"Snapshot {name} was missing on CI; commit it.");
            }
        }

        actual.ShouldBe(File.ReadAllText(path), $"snapshot {path} differs; rerun with UPDATE_SNAPSHOTS=1 if the change is intended");
    }
}
