namespace GitOps.Targets.GitLabCi.Validation;

/// <summary>
/// Checks the <c>needs:</c> graph: every need names a job of the file in the same or an earlier stage, at most 50
/// per job, and no cycle (named as a path).
/// </summary>
internal static class NeedsValidation
{
    private const int MaxNeeds = 50;

    public static void Check(
        IReadOnlyList<GitLabJob> jobs,
        IReadOnlyDictionary<string, GitLabJob> byName,
        IReadOnlyDictionary<string, int> stages,
        List<string> errors)
    {
        foreach (var job in jobs)
        {
            var needs = job.Needs ?? [];
            if (needs.Count > MaxNeeds)
            {
                errors.Add($"job '{job.Name}': {needs.Count} needs; GitLab allows at most {MaxNeeds}");
            }

            foreach (var duplicate in needs.GroupBy(need => need.Job, StringComparer.Ordinal).Where(group => group.Count() > 1))
            {
                errors.Add($"job '{job.Name}': needs '{duplicate.Key}' more than once");
            }

            foreach (var need in needs)
            {
                CheckOne(job, need, byName, stages, errors);
            }
        }

        if (FindCycle(jobs, byName) is { } cycle)
        {
            errors.Add($"needs form a cycle: {string.Join(" -> ", cycle)}; a job cannot wait for itself");
        }
    }

    private static void CheckOne(
        GitLabJob job,
        GitLabNeed need,
        IReadOnlyDictionary<string, GitLabJob> byName,
        IReadOnlyDictionary<string, int> stages,
        List<string> errors)
    {
        if (!byName.TryGetValue(need.Job, out var needed))
        {
            errors.Add($"job '{job.Name}': needs '{need.Job}', which is not a job of this pipeline");
            return;
        }

        if (ReferenceEquals(needed, job))
        {
            return; // reported as a cycle
        }

        if (stages.TryGetValue(job.Stage ?? "test", out var own)
            && stages.TryGetValue(needed.Stage ?? "test", out var theirs)
            && theirs > own)
        {
            errors.Add($"job '{job.Name}': needs '{need.Job}' from the later stage '{needed.Stage}'; "
                + "needs may only name jobs of the same or an earlier stage");
        }
    }

    private static List<string>? FindCycle(IReadOnlyList<GitLabJob> jobs, IReadOnlyDictionary<string, GitLabJob> byName)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var job in jobs)
        {
            if (Visit(job.Name, byName, done, path) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static List<string>? Visit(
        string name, IReadOnlyDictionary<string, GitLabJob> byName, HashSet<string> done, List<string> path)
    {
        var onPath = path.IndexOf(name);
        if (onPath >= 0)
        {
            return [.. path.Skip(onPath), name];
        }

        if (done.Contains(name) || !byName.TryGetValue(name, out var job))
        {
            return null;
        }

        path.Add(name);
        foreach (var need in job.Needs ?? [])
        {
            if (Visit(need.Job, byName, done, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        done.Add(name);
        return null;
    }
}
