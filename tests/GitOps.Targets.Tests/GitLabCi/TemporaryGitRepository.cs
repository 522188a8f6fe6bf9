using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Targets.Tests.GitLabCi;

/// <summary>A throw-away git repository on branch main with one commit holding the given .gitlab-ci.yml.</summary>
internal sealed class TemporaryGitRepository : IDisposable
{
    private TemporaryGitRepository(string path) => Path = path;

    public string Path { get; }

    public static async Task<TemporaryGitRepository> CreateAsync(string gitlabCiYaml)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gitlab-ci-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var repository = new TemporaryGitRepository(path);
        await File.WriteAllTextAsync(System.IO.Path.Combine(path, ".gitlab-ci.yml"), gitlabCiYaml);
        var git = new ToolRunner(new ToolLocator(path), NullLog.Instance, new SecretMasker());
        string[][] commands =
        [
            ["init", "--quiet", "--initial-branch=main"],
            ["add", ".gitlab-ci.yml"],
            ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "--quiet", "-m", "pipeline"],
        ];
        foreach (var arguments in commands)
        {
            await git.RunAsync(new ToolInvocation("git", arguments) { WorkingDirectory = path, StreamOutput = false }, CancellationToken.None);
        }

        return repository;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless; failing the test over it is not.
        }
    }
}
