namespace GitOps.TestDoubles.GitLab;

public sealed partial class FakeGitLab
{
    private readonly List<FakeVariable> variables = [];
    private readonly List<FakeMergeRequest> mergeRequests = [];
    private readonly List<FakeRelease> releases = [];
    private readonly List<FakePipeline> pipelines = [];
    private readonly List<FakeCommit> commits = [];
    private readonly List<FakeCommitStatus> statuses = [];
    private readonly Dictionary<string, Dictionary<string, string>> branches = new(StringComparer.Ordinal)
    {
        ["main"] = new(StringComparer.Ordinal),
    };

    public IReadOnlyList<FakeMergeRequest> MergeRequests => Snapshot(mergeRequests);

    public IReadOnlyList<FakeRelease> Releases => Snapshot(releases);

    public IReadOnlyList<FakePipeline> Pipelines => Snapshot(pipelines);

    public IReadOnlyList<FakeCommit> Commits => Snapshot(commits);

    public IReadOnlyList<FakeCommitStatus> Statuses => Snapshot(statuses);

    public void AddVariable(FakeVariable variable)
    {
        lock (gate)
        {
            variables.Add(variable);
        }
    }

    public FakeMergeRequest AddMergeRequest(
        string sourceBranch, string targetBranch, string title, string state = "opened", bool autoMerge = false)
    {
        lock (gate)
        {
            var mergeRequest = new FakeMergeRequest(1000 + mergeRequests.Count + 1, mergeRequests.Count + 1, sourceBranch, targetBranch, title)
            {
                State = state,
                AutoMerge = autoMerge,
            };
            mergeRequests.Add(mergeRequest);
            return mergeRequest;
        }
    }

    /// <summary>Marks an open merge request merged, as a person merging it would; moving the branch is the caller's part.</summary>
    public FakeMergeRequest Merge(int iid)
    {
        lock (gate)
        {
            var found = mergeRequests.Single(mergeRequest => mergeRequest.Iid == iid);
            if (found.State != "opened")
            {
                throw new InvalidOperationException($"!{iid} is {found.State}, not open; only an open merge request can be merged");
            }

            var merged = found with { State = "merged" };
            mergeRequests[mergeRequests.IndexOf(found)] = merged;
            return merged;
        }
    }

    public void AddRelease(FakeRelease release)
    {
        lock (gate)
        {
            releases.Add(release);
        }
    }

    /// <summary>Puts a file on a branch (creating the branch), for commit actions to update.</summary>
    public void SetFile(string branch, string path, string content)
    {
        lock (gate)
        {
            if (!branches.TryGetValue(branch, out var files))
            {
                branches[branch] = files = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            files[path] = content;
        }
    }

    public string? ReadFile(string branch, string path)
    {
        lock (gate)
        {
            return branches.TryGetValue(branch, out var files) && files.TryGetValue(path, out var content) ? content : null;
        }
    }

    private IReadOnlyList<T> Snapshot<T>(List<T> items)
    {
        lock (gate)
        {
            return [.. items];
        }
    }
}
