using GitOps.Platform.ChangeRequests;

namespace GitOps.Platform.Tests.Promotion;

/// <summary>Keeps one merge request per source branch, as GitLab's dedup by source and target branch does.</summary>
internal sealed class FakeChangeRequestHost : IChangeRequestHost
{
    private readonly Dictionary<string, (long Number, ChangeRequestDraft Draft)> open = new(StringComparer.Ordinal);

    public List<ChangeRequestDraft> Calls { get; } = [];

    public IReadOnlyCollection<ChangeRequestDraft> OpenRequests => [.. open.Values.Select(entry => entry.Draft)];

    /// <summary>Set to make the host refuse, as GitLab does a wrong token, before anything is pushed.</summary>
    public Exception? Refusal { get; set; }

    public Task CheckAccessAsync(CancellationToken cancellationToken) =>
        Refusal is null ? Task.CompletedTask : Task.FromException(Refusal);

    public Task<ChangeRequest> OpenOrUpdateAsync(ChangeRequestDraft draft, CancellationToken cancellationToken)
    {
        Calls.Add(draft);
        var created = !open.TryGetValue(draft.SourceBranch, out var existing);
        var number = created ? open.Count + 1 : existing.Number;
        open[draft.SourceBranch] = (number, draft);
        return Task.FromResult(new ChangeRequest(number, $"https://gitlab.test/mr/{number}", created));
    }

    public void Dispose()
    {
        // Holds nothing; disposal exists for the HTTP-backed hosts.
    }
}
