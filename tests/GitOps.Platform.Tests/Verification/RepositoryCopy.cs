using GitOps.Platform.Environments;
using GitOps.Platform.Tests.Helm;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Verification;

/// <summary>
/// A throw-away copy of the repository's environments, chart and CODEOWNERS in a fresh git repository, for breaking
/// one thing and checking that Verify names it. The copy is committed once and its promoted stages are pinned at that
/// commit, so their pins are in its history (the real pins are commits of this repository, not of the copy).
/// </summary>
internal sealed class RepositoryCopy : IDisposable
{
    private static readonly string[] Copied = ["environments", "charts", "CODEOWNERS", ".gitignore"];

    private RepositoryCopy(string root) => Root = root;

    public string Root { get; }

    public static async Task<RepositoryCopy> CreateAsync()
    {
        var copy = new RepositoryCopy(Directory.CreateTempSubdirectory("gitops-verify-").FullName);
        foreach (var entry in Copied)
        {
            var source = Path.Combine(RepositoryRoot.Path, entry);
            if (Directory.Exists(source))
            {
                CopyDirectory(source, Path.Combine(copy.Root, entry));
            }
            else
            {
                File.Copy(source, Path.Combine(copy.Root, entry));
            }
        }

        // main, as the real repository's: Verify checks the pins against main (origin's, else the local one).
        await copy.GitAsync("init", "--quiet", "--initial-branch=main");
        await copy.PinToWorkingTreeAsync();
        return copy;
    }

    /// <summary>
    /// Commits the working tree and pins every promoted stage at that commit, so qa, qa-int and prod run what the copy
    /// has now (a fixture that breaks the chart for a promoted stage calls this after breaking it), and commits the pins
    /// too, leaving a clean working tree. Returns the pinned SHA.
    /// </summary>
    public async Task<string> PinToWorkingTreeAsync()
    {
        var sha = await CommitAsync("fixture");
        StageCatalog catalog;
        try
        {
            catalog = StageCatalog.Load(PathOf(EnvironmentLayout.StagesFile));
        }
        catch (CatalogException)
        {
            return sha; // the fixture broke the catalog: nothing is rendered, so nothing needs a pin
        }

        foreach (var stage in catalog.Stages.Select(definition => definition.Stage).Where(catalog.IsPinned))
        {
            var file = EnvironmentLayout.AppOfAppsFile(stage);
            try
            {
                Write(file, ConfigurationPins.WithPin(Read(file), file, sha));
            }
            catch (Exception error) when (error is ConfigurationPinException or FileNotFoundException or DirectoryNotFoundException)
            {
                // The fixture broke this file on purpose; Verify is to say so.
            }
        }

        await CommitAsync("pin the promoted stages at the fixture");
        return sha;
    }

    /// <summary>Commits everything in the working tree (tracked or not) and returns the new HEAD.</summary>
    public async Task<string> CommitAsync(string message)
    {
        await GitAsync("add", "--all");
        await GitAsync("-c", "user.name=Fixture", "-c", "user.email=fixture@example.invalid", "-c", "commit.gpgsign=false", "commit", "--quiet", "--allow-empty", "-m", message);
        var result = await TestHelm.Runner.RunAsync(new ToolInvocation("git", ["rev-parse", "HEAD"]) { WorkingDirectory = Root, StreamOutput = false }, CancellationToken.None);
        return result.StandardOutput.Trim();
    }

    /// <summary>Makes a bare clone of this copy its <c>origin</c>, with main as it is now; returns the bare repository's path.</summary>
    public async Task<string> AddOriginAsync()
    {
        var origin = Root + "-origin.git";
        await GitAsync("clone", "--quiet", "--bare", Root, origin);
        await GitAsync("remote", "add", "origin", origin);
        return origin;
    }

    /// <summary>A clone of this copy with only its last commit, as GitLab CI clones by default (GIT_DEPTH).</summary>
    public async Task<RepositoryCopy> ShallowCloneAsync()
    {
        var clone = new RepositoryCopy(Directory.CreateTempSubdirectory("gitops-verify-shallow-").FullName);
        await GitAsync("clone", "--quiet", "--depth", "1", new Uri(Root).AbsoluteUri, clone.Root);
        return clone;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Write(string relative, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), content);
    }

    /// <summary>Replaces text that must be there, so a fixture cannot silently stop breaking anything.</summary>
    public void Replace(string relative, string oldText, string newText)
    {
        var content = Read(relative);
        content.ShouldContain(oldText);
        Write(relative, content.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Delete(string relative) => File.Delete(PathOf(relative));

    /// <summary>The 1-based line of the first line containing <paramref name="text"/>.</summary>
    public int LineOf(string relative, string text)
    {
        var index = Array.FindIndex(File.ReadAllLines(PathOf(relative)), line => line.Contains(text, StringComparison.Ordinal));
        index.ShouldBeGreaterThanOrEqualTo(0, $"'{text}' is not in {relative}");
        return index + 1;
    }

    public Task GitAsync(params string[] arguments) =>
        TestHelm.Runner.RunAsync(new ToolInvocation("git", arguments) { WorkingDirectory = Root, StreamOutput = false }, CancellationToken.None);

    /// <summary>The commit HEAD is at.</summary>
    public async Task<string> HeadAsync() =>
        (await TestHelm.Runner.RunAsync(new ToolInvocation("git", ["rev-parse", "HEAD"]) { WorkingDirectory = Root, StreamOutput = false }, CancellationToken.None)).StandardOutput.Trim();

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        if (Directory.Exists(Root + "-origin.git"))
        {
            Directory.Delete(Root + "-origin.git", recursive: true);
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
