using System.Text;
using System.Text.RegularExpressions;

namespace GitOps.Platform.GitLab.Variables;

/// <summary>
/// Writes file-type variables as GitLab's runner does: the content in a file only the owner can read (0600, in a
/// 0700 directory), the variable's value becoming the file's path.
/// </summary>
internal static partial class SecretFiles
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    public static async Task<string> WriteAsync(string directory, string key, string content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!KeyPattern().IsMatch(key))
        {
            throw new GitLabConfigurationException(
                $"CI/CD variable '{key}' cannot name a file; GitLab keys use only letters, digits and _");
        }

        var fullDirectory = Path.GetFullPath(directory);
        var path = Path.Combine(fullDirectory, key);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(fullDirectory, OwnerOnlyDirectory);
            File.SetUnixFileMode(fullDirectory, OwnerOnlyDirectory);

            // The mode only applies when the file is created, so an older, wider file is replaced rather than reused.
            File.Delete(path);
            options.UnixCreateMode = OwnerOnlyFile;
        }
        else
        {
            Directory.CreateDirectory(fullDirectory);
        }

        await using (var stream = new FileStream(path, options))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(content), cancellationToken);
        }

        return path;
    }

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex KeyPattern();
}
