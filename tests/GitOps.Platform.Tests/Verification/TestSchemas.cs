using GitOps.Platform.Tests.Helm;
using GitOps.Platform.Verification.Schemas;
using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.Verification;

/// <summary>
/// The real schema check for tests: installed once into the repository's .nuke/tools (shared with the build,
/// gitignored) by the same installer the build uses.
/// </summary>
internal static class TestSchemas
{
    private static readonly Lazy<Task<string>> Installed = new(() =>
        ManifestSchemaInstaller.EnsureAsync(TestHelm.ToolsDirectory, TestHelm.Runner, NullLog.Instance, CancellationToken.None));

    public static async Task<ManifestSchemaValidator> ValidatorAsync() => new(TestHelm.Runner, await Installed.Value);
}
