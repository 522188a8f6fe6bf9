namespace GitOps.Platform.Terraform.Internal;

/// <summary>
/// Terraform's data directory and plan files hold backend settings, provider credentials and, in plans, the values
/// of sensitive variables and outputs (tokens, kubeconfigs): only their owner may read them (0700 / 0600).
/// </summary>
internal static class PrivateDirectory
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    /// <summary>Creates the directory owner-only, or makes an existing one (e.g. from an older build) owner-only.</summary>
    public static void Ensure(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }

        Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        File.SetUnixFileMode(directory, OwnerOnlyDirectory);
    }

    /// <summary>Terraform writes plan files with the umask's mode (usually 0644).</summary>
    public static void RestrictFile(string file)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(file))
        {
            File.SetUnixFileMode(file, OwnerOnlyFile);
        }
    }
}
