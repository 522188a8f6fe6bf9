namespace GitOps.Targets.Tests.Support;

/// <summary>The repository root, found by walking up from the test assembly to GitOps.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "GitOps.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("GitOps.sln not found above " + AppContext.BaseDirectory);
    }
}
