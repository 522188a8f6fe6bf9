namespace GitOps.Platform.Tests.Environments;

/// <summary>The repository these tests run in, found by walking up from the test assembly to GitOps.sln.</summary>
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

        throw new InvalidOperationException($"no GitOps.sln above {AppContext.BaseDirectory}");
    }
}
