using System.Collections.Concurrent;

namespace GitOps.Platform.Verification.Checks;

/// <summary>
/// Finds files below the repository root and names them the way findings do (relative, '/' separators). One instance
/// per Verify run, which also holds the YAML files read during the run (<see cref="YamlFile.Read"/>).
/// </summary>
internal sealed class RepositoryFiles(string root)
{
    private readonly ConcurrentDictionary<string, Lazy<YamlFile?>> parsed = new(StringComparer.Ordinal);

    public string Root { get; } = root;

    /// <summary>
    /// The file read once per run, by whichever check asks first, however many ask (an app-of-apps file is read by
    /// half a dozen rules, a values file by the YAML rule and by its environment's check). Keyed by the path as given,
    /// since findings name it so.
    /// </summary>
    public YamlFile? ParsedOnce(string path, Func<YamlFile?> read) =>
        parsed.GetOrAdd(path, _ => new Lazy<YamlFile?>(read, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

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
