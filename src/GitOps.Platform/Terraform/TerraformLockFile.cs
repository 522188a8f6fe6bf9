using GitOps.Platform.Clouds;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Terraform;

/// <summary>
/// A root module's <c>.terraform.lock.hcl</c>: the provider versions and their hashes (<c>zh:</c> of each platform's
/// zip, <c>h1:</c> of the unpacked package). Once it is committed, init runs with <c>-lockfile=readonly</c>: a
/// provider whose version or hash is not in it fails init instead of being written into the file. The hashes cannot
/// be computed where the registry is out of reach (as on the build machines here), so the file is made once by a
/// maintainer with <see cref="CreateCommand"/> and committed.
/// </summary>
public static class TerraformLockFile
{
    public const string FileName = ".terraform.lock.hcl";

    /// <summary>
    /// The platforms the roots run on. Not windows_arm64: hashicorp/google publishes no build for it (so Windows arm64
    /// cannot run these roots), and <c>providers lock</c> fails as a whole for one missing platform.
    /// </summary>
    public static IReadOnlyList<string> Platforms { get; } = ["linux_amd64", "linux_arm64", "darwin_amd64", "darwin_arm64", "windows_amd64"];

    /// <summary>What a maintainer runs, where the registry is reachable, to create or update the lock of a root.</summary>
    public static string CreateCommand(string moduleDirectory) =>
        $"terraform -chdir={moduleDirectory} init -backend=false && terraform -chdir={moduleDirectory} providers lock {string.Join(' ', Platforms.Select(platform => $"-platform={platform}"))}";

    /// <summary>Init's arguments for the lock of <paramref name="moduleDirectory"/>.</summary>
    /// <exception cref="CloudConfigurationException"><paramref name="required"/> and the root requires providers but commits no lock.</exception>
    public static IReadOnlyList<string> InitArguments(string moduleDirectory, bool required)
    {
        if (File.Exists(Path.Combine(moduleDirectory, FileName)))
        {
            return ["-lockfile=readonly"];
        }

        if (required && RequiresProviders(moduleDirectory))
        {
            var module = Path.GetRelativePath(Directory.GetCurrentDirectory(), moduleDirectory);
            throw new CloudConfigurationException(
                $"{module}/{FileName} is not committed: in a pipeline terraform installs only providers whose hashes the repository commits; "
                + $"where the registry is reachable run '{CreateCommand(module)}' and commit the file. Nothing was run.");
        }

        return [];
    }

    /// <summary>
    /// For a target's requirements, before anything runs or prints: in a pipeline (<paramref name="required"/>) a root
    /// that needs providers and commits no lock is a repository mistake, refused as a usage error (exit 2) with the
    /// command that creates the lock, instead of failing the target at its first init.
    /// </summary>
    /// <exception cref="UsageException">The root's lock is missing where it is required.</exception>
    public static void RequireCommitted(string moduleDirectory, bool required)
    {
        try
        {
            _ = InitArguments(moduleDirectory, required);
        }
        catch (CloudConfigurationException problem)
        {
            throw new UsageException(problem.Message, problem);
        }
    }

    private static bool RequiresProviders(string moduleDirectory) =>
        Directory.Exists(moduleDirectory)
        && Directory.EnumerateFiles(moduleDirectory, "*.tf").Any(file => File.ReadAllText(file).Contains("required_providers", StringComparison.Ordinal));
}
