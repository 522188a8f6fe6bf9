namespace GitOps.EndToEnd.Tests.Support;

/// <summary>
/// Puts a checkout's compiled build and tools into gitlab-ci-local's cache folders under the generated pipeline's cache
/// keys, as a warm GitLab cache would hold them, so no job compiles the build or downloads a tool again.
/// </summary>
internal static class WarmPipelineCache
{
    /// <summary>Fills the cache of the pipeline run in <paramref name="repository"/> from the checkout at <paramref name="built"/>.</summary>
    public static void Fill(string built, string repository)
    {
        var temp = Path.Combine(built, ".nuke", "temp");
        Copy(Path.Combine(temp, "build-bin"), Cache(repository, "compiled-build", ".nuke/temp/build-bin"));
        File.Copy(Path.Combine(temp, "build.stamp"), Cache(repository, "compiled-build", ".nuke/temp/build.stamp"), overwrite: true);
        Copy(Path.Combine(built, ".nuke", "tools"), Cache(repository, "tools", ".nuke/tools"));
    }

    private static string Cache(string repository, string key, string path)
    {
        var target = Path.Combine(repository, ".gitlab-ci-local", "cache", key, path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        return target;
    }

    private static void Copy(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        var result = ProcessResult.Run("cp", ["-a", from, to], "/", new Dictionary<string, string?>());
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"cp {from}: {result.Error}");
        }
    }
}
