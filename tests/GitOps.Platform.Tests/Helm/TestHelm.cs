using GitOps.Platform.Helm;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Helm;

/// <summary>
/// The real helm for tests: from PATH, or installed once into the repository's .nuke/tools (shared with the build,
/// gitignored) by the same installer the build uses.
/// </summary>
internal static class TestHelm
{
    public static string ToolsDirectory { get; } = Path.Combine(RepositoryRoot.Path, ".nuke", "tools");

    public static IToolRunner Runner { get; } = new ToolRunner(new ToolLocator(ToolsDirectory), NullLog.Instance, new SecretMasker());

    private static readonly Lazy<Task<string>> Installed = new(() =>
        HelmInstaller.EnsureAsync(ToolsDirectory, Runner, NullLog.Instance, inPipeline: false, CancellationToken.None));

    public static Task<string> PathAsync() => Installed.Value;

    public static async Task<HelmCli> CliAsync() => new(Runner, await PathAsync());
}
