using GitOps.Targets.Files;

namespace GitOps.Platform.Environments.Loading;

/// <summary>
/// The catalog's text, or one line saying why there is none: missing, a directory, not a regular file, too large,
/// unreadable, or not UTF-8 (with its line).
/// </summary>
internal static class CatalogFile
{
    public static string ReadText(string path, string displayPath)
    {
        if (Directory.Exists(path))
        {
            throw new CatalogException($"{displayPath}: is a directory; the stage catalog must be a YAML file");
        }

        if (!File.Exists(path))
        {
            throw new CatalogException($"{displayPath}: not found; every build needs the stage catalog (run from the repository's root, or pass --root)");
        }

        try
        {
            return InputFile.ReadUtf8Text(path, displayPath, "the stage catalog");
        }
        catch (InputFileException error) when (error.Line > 0)
        {
            throw new CatalogException([new CatalogError(displayPath, error.Line, error.Problem)]);
        }
        catch (InputFileException error)
        {
            throw new CatalogException(error.Message, error);
        }
    }
}
