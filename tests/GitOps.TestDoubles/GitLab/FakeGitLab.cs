using Microsoft.AspNetCore.Builder;

namespace GitOps.TestDoubles.GitLab;

/// <summary>
/// A GitLab REST v4 stand-in on loopback for the endpoints the build uses: project CI/CD variables (paginated),
/// merge requests, pipeline triggers, releases, commits and commit statuses, with GitLab's auth rules and error bodies,
/// fault injection (<see cref="Faults"/>) and a record of every request (<see cref="Requests"/>).
/// Start it with <c>await FakeGitLab.StartAsync()</c> and point <c>CI_API_V4_URL</c> at <see cref="ApiUrl"/>.
/// </summary>
public sealed partial class FakeGitLab : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];
    private WebApplication? app;

    private FakeGitLab()
    {
    }

    /// <summary>The API root, e.g. <c>http://127.0.0.1:43117/api/v4</c> (no trailing slash, as CI_API_V4_URL).</summary>
    public Uri ApiUrl { get; private set; } = null!;

    /// <summary>The instance root, where web URLs of merge requests and pipelines point.</summary>
    public Uri WebUrl { get; private set; } = null!;

    public int ProjectId { get; init; } = 42;

    public string ProjectPath { get; init; } = "platform/gitops";

    /// <summary>An access token with full rights (send as PRIVATE-TOKEN or Authorization: Bearer).</summary>
    public string MaintainerToken { get; init; } = "glpat-fake-maintainer-7Qx2";

    /// <summary>A valid token that may read merge requests and releases but gets 403 for variables and writes.</summary>
    public string ReporterToken { get; init; } = "glpat-fake-reporter-9Lk4";

    public string JobToken { get; init; } = "fake-ci-job-token-3Wm8";

    public string TriggerToken { get; init; } = "glptt-fake-trigger-5Rb1";

    /// <summary>Whether list answers omit x-total and x-total-pages, as gitlab.com does for large collections.</summary>
    public bool OmitTotals { get; set; }

    public FakeGitLabFaults Faults { get; } = new();

    /// <summary>
    /// The jobs a triggered pipeline would get for a ref, the trigger's variables and its inputs (e.g. asked of
    /// gitlab-ci-local). When set and it names none, the trigger is refused as GitLab refuses it: 400, "No stages / jobs
    /// for this pipeline." Null: every trigger gets a pipeline.
    /// </summary>
    public Func<string, IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>, IReadOnlyCollection<string>>? TriggeredJobs { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public static async Task<FakeGitLab> StartAsync(Func<FakeGitLab>? configure = null)
    {
        var fake = configure?.Invoke() ?? new FakeGitLab();
        var (app, root) = await LoopbackHost.StartAsync(fake.HandleAsync);
        fake.app = app;
        fake.WebUrl = root;
        fake.ApiUrl = new Uri(root, "api/v4");
        return fake;
    }

    /// <summary>
    /// A fake with other ids or tokens: <c>FakeGitLab.StartAsync(() => FakeGitLab.Create(projectId: 7))</c>; a
    /// <paramref name="maintainerToken"/> of the test's own makes a canary that appears in no source file.
    /// </summary>
    public static FakeGitLab Create(int projectId = 42, string projectPath = "platform/gitops", string? maintainerToken = null) =>
        new() { ProjectId = projectId, ProjectPath = projectPath, MaintainerToken = maintainerToken ?? "glpat-fake-maintainer-7Qx2" };

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
