namespace GitOps.Platform.Environments.Loading;

/// <summary>The catalog's text, or one line saying why there is none (missing, a directory, unreadable).</summary>
internal static class CatalogFile
{
    public static string ReadText(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CatalogException($"{path}: is a directory; the stage catalog must be a YAML file");
        }

        if (!File.Exists(path))
        {
            throw new CatalogException($"{path}: not found; every build needs the stage catalog (run from the repository's root, or pass --root)");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CatalogException($"{path}: cannot be read: {error.Message}");
        }
    }
}
