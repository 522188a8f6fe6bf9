using GitOps.Targets.Tests.Support;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Targets.Tests.GitLabCi;

/// <summary>
/// The real gitlab-ci-local 4.60.1, installed once per test run by tests/tools/install-gitlab-ci-local.sh into
/// .nuke/tools. When it cannot be installed the tests that need it fail with the reason; they are never skipped.
/// </summary>
internal sealed class GitLabCiLocal(string executable, IToolRunner runner)
{
    private static readonly Lazy<Task<GitLabCiLocal>> Installed = new(InstallAsync);

    public static Task<GitLabCiLocal> GetAsync() => Installed.Value;

    /// <summary>Runs gitlab-ci-local in <paramref name="repository"/>; a non-zero exit is returned, not thrown.</summary>
    public Task<ToolResult> RunAsync(string repository, params string[] arguments)
    {
        // --home keeps the developer's ~/.gitlab-ci-local/variables.yml out of the test.
        var invocation = new ToolInvocation(executable, [.. arguments, "--no-color", "--home", Path.Combine(repository, ".home")])
        {
            WorkingDirectory = repository,
            Environment = HostCiVariablesRemoved(),
            StreamOutput = false,
            ThrowOnFailure = false,
            Timeout = TimeSpan.FromMinutes(2),
        };
        return runner.RunAsync(invocation, CancellationToken.None);
    }

    // Inside a real GitLab job CI_* variables would leak into the local pipeline and change how rules evaluate.
    private static Dictionary<string, string?> HostCiVariablesRemoved() =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("CI_", StringComparison.Ordinal) || name.StartsWith("GITLAB_", StringComparison.Ordinal))
            .ToDictionary(name => name, _ => (string?)null, StringComparer.Ordinal);

    private static async Task<GitLabCiLocal> InstallAsync()
    {
        var toolsDirectory = Path.Combine(RepositoryRoot.Path, ".nuke", "tools");
        var runner = new ToolRunner(new ToolLocator(toolsDirectory), NullLog.Instance, new SecretMasker());
        var installer = Path.Combine(RepositoryRoot.Path, "tests", "tools", "install-gitlab-ci-local.sh");
        try
        {
            var result = await runner.RunAsync(
                new ToolInvocation("bash", [installer]) { StreamOutput = false, Timeout = TimeSpan.FromMinutes(10) },
                CancellationToken.None);
            var executable = result.StandardOutput.TrimEnd().Split('\n')[^1];
            return new GitLabCiLocal(executable, runner);
        }
        catch (ToolFailedException exception)
        {
            throw new InvalidOperationException(
                $"gitlab-ci-local 4.60.1 is required by this test and could not be installed by {installer} "
                + $"(it needs npm and rsync: apt-get install -y rsync): {exception.Message}",
                exception);
        }
    }
}
