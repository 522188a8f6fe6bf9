namespace GitOps.EndToEnd.Tests.Support;

/// <summary>
/// The real gitlab-ci-local 4.60.1, installed once by tests/tools/install-gitlab-ci-local.sh into the source
/// repository's .nuke/tools (idempotent, so later runs reuse it). A failed install fails the test with the reason.
/// </summary>
internal sealed class GitLabCiLocal(string executable)
{
    private static readonly Lazy<GitLabCiLocal> Installed = new(Install);

    public static GitLabCiLocal Get() => Installed.Value;

    /// <summary>Runs it in <paramref name="repository"/> with only the given variables set, as a GitLab runner would.</summary>
    public ProcessResult Run(string repository, IReadOnlyDictionary<string, string> variables, params string[] arguments) =>
        Run(repository, variables, new Dictionary<string, string?>(), arguments);

    /// <summary>As above, with <paramref name="environment"/> also set for gitlab-ci-local and so for its shell jobs (e.g. PATH).</summary>
    public ProcessResult Run(string repository, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var words = new List<string>(arguments) { "--no-color", "--home", Path.Combine(repository, ".gitlab-ci-local-home") };
        foreach (var (name, value) in variables)
        {
            words.Add("--variable");
            words.Add($"{name}={value}");
        }

        var processEnvironment = HostCiVariablesRemoved();
        foreach (var (name, value) in environment)
        {
            processEnvironment[name] = value;
        }

        return ProcessResult.Run(executable, words, repository, processEnvironment);
    }

    // Inside a real GitLab job the host's CI_* variables would leak into the local pipeline and change its rules.
    private static Dictionary<string, string?> HostCiVariablesRemoved() =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("CI_", StringComparison.Ordinal) || name.StartsWith("GITLAB_", StringComparison.Ordinal))
            .ToDictionary(name => name, _ => (string?)null, StringComparer.Ordinal);

    private static GitLabCiLocal Install()
    {
        var source = RepositoryRoot.Find();
        var installer = Path.Combine(source, "tests", "tools", "install-gitlab-ci-local.sh");
        var result = ProcessResult.Run("bash", [installer], source, new Dictionary<string, string?>());
        return result.ExitCode == 0
            ? new GitLabCiLocal(result.Output.TrimEnd().Split('\n')[^1])
            : throw new InvalidOperationException($"gitlab-ci-local 4.60.1 could not be installed by {installer} (needs npm and rsync): {result.Error}");
    }
}
