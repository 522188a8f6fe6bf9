namespace GitOps.TestDoubles;

/// <summary>The repository under test, found by walking up from the test assembly to GitOps.sln.</summary>
public static class RepositoryRoot
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
