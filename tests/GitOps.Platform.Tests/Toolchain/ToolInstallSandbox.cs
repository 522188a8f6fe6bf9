using GitOps.Platform.Tests.Terraform;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Toolchain;

/// <summary>An empty tools directory, the archive server, and a runner that finds tools as the build does.</summary>
internal sealed class ToolInstallSandbox : IAsyncDisposable
{
    private ToolInstallSandbox(DirectoryInfo directory, ArchiveServer server)
    {
        Directory = directory;
        Server = server;
        Runner = new ToolRunner(new ToolLocator(ToolsDirectory, string.Empty), Log, new SecretMasker());
    }

    public DirectoryInfo Directory { get; }

    public string ToolsDirectory => Path.Combine(Directory.FullName, "tools");

    public string Bin => Path.Combine(ToolsDirectory, "bin");

    public ArchiveServer Server { get; }

    public RecordingLog Log { get; } = new();

    public IToolRunner Runner { get; }

    public static async Task<ToolInstallSandbox> CreateAsync() =>
        new(System.IO.Directory.CreateTempSubdirectory("gitops-toolchain-"), await ArchiveServer.StartAsync());

    /// <summary>Every file left in the tools directory, relative, except the lock files (which stay on purpose).</summary>
    public IReadOnlyList<string> Leftovers() =>
        [.. System.IO.Directory.EnumerateFileSystemEntries(ToolsDirectory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(ToolsDirectory, path).Replace('\\', '/'))
            .Where(path => !path.EndsWith(".install-lock", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(recursive: true);
    }
}
