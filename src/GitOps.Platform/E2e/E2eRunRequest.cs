namespace GitOps.Platform.E2e;

/// <summary>
/// One e2e run against an environment. The command gets STAGE, CLOUD, RELEASE, REVISION (where pinned), BASE_URL and JUNIT_PATH (where it
/// should write its JUnit XML) in its environment; by default it is the sample suite <c>tests/e2e/run.sh</c>.
/// </summary>
public sealed record E2eRunRequest(string Stage, string Cloud, string Release, string BaseUrl, string RepositoryRoot)
{
    /// <summary>The commit the environment's chart is pinned to; null where it follows a branch.</summary>
    public string? Revision { get; init; }

    public string Tool { get; init; } = "bash";

    public IReadOnlyList<string> Arguments { get; init; } = ["tests/e2e/run.sh"];

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Extra variables for the suite (credentials, E2E_SIMULATE_FAILURE...).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}
