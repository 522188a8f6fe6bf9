namespace GitOps.Platform.Verification.Checks;

/// <summary>Finds files below the repository root and names them the way findings do (relative, '/' separators).</summary>
internal sealed class RepositoryFiles(string root)
{
    public string Root { get; } = root;

    public string FullPath(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public bool Exists(string relative) => File.Exists(FullPath(relative));

    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>Files below a folder whose name ends with one of the extensions, relative, sorted.</summary>
    public List<string> Under(string folder, params string[] extensions)
    {
        var directory = FullPath(folder);
        return !Directory.Exists(directory)
            ? []
            : [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(file => extensions.Any(extension => file.EndsWith(extension, StringComparison.OrdinalIgnoreCase)))
                .Select(Relative)
                .Order(StringComparer.Ordinal)];
    }
}
