namespace GitOps.Platform.Tests.Terraform;

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

        throw new InvalidOperationException($"No GitOps.sln above {AppContext.BaseDirectory}");
    }
}
