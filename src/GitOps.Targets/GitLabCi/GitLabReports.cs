namespace GitOps.Targets.GitLabCi;

/// <summary><c>artifacts:reports:</c> that GitLab reads: JUnit test results and dotenv variables for later jobs.</summary>
public sealed record GitLabReports
{
    /// <summary>Relative paths or globs of JUnit XML files.</summary>
    public IReadOnlyList<string> Junit { get; init => field = [.. value]; } = [];

    /// <summary>Relative paths of dotenv files (KEY=value lines, keys [A-Za-z0-9_]).</summary>
    public IReadOnlyList<string> Dotenv { get; init => field = [.. value]; } = [];

    internal bool IsEmpty => Junit.Count == 0 && Dotenv.Count == 0;
}
