using GitOps.Platform.Tests.Helm;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Verification;

/// <summary>
/// A throw-away copy of the repository's environments, chart and CODEOWNERS in a fresh git repository, for breaking
/// one thing and checking that Verify names it.
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

        await copy.GitAsync("init", "--quiet");
        await copy.GitAsync("add", "--all");
        return copy;
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

    public void Dispose() => Directory.Delete(Root, recursive: true);

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
