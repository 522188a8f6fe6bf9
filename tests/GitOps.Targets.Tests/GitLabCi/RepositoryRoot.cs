namespace GitOps.Targets.Tests.GitLabCi;

/// <summary>The source checkout, found by walking up from the test binaries to GitOps.sln (snapshots live there, not in bin).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "GitOps.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"GitOps.sln not found above {AppContext.BaseDirectory}");
    }
}
