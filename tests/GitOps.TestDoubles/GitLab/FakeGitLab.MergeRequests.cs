using System.Globalization;

namespace GitOps.TestDoubles.GitLab;

public sealed partial class FakeGitLab
{
    private FakeResponse ListMergeRequests(FakeRequest request)
    {
        var state = request.QueryValue("state") ?? "all";
        var source = request.QueryValue("source_branch");
        var target = request.QueryValue("target_branch");
        var matching = Snapshot(mergeRequests)
            .Where(mergeRequest => state == "all" || mergeRequest.State == state)
            .Where(mergeRequest => source is null || mergeRequest.SourceBranch == source)
            .Where(mergeRequest => target is null || mergeRequest.TargetBranch == target)
            .OrderByDescending(mergeRequest => mergeRequest.Iid)
            .ToList();
        return Paginate(request, matching, Shape);
    }

    private FakeResponse CreateMergeRequest(FakeRequest request)
    {
        var source = request.Field("source_branch");
        var target = request.Field("target_branch");
        var title = request.Field("title");
        var missing = source is null ? "source_branch" : target is null ? "target_branch" : title is null ? "title" : null;
        if (missing is not null)
        {
            return FakeResponse.Error(400, $"{missing} is missing");
        }

        if (source == target)
        {
            return FakeResponse.Message(422, new[] { "You can't use same project/branch for source and target" });
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            return FakeResponse.Message(422, new { title = new[] { "can't be blank" } });
        }

        lock (gate)
        {
            var duplicate = mergeRequests.FirstOrDefault(mergeRequest => mergeRequest.State == "opened"
                && mergeRequest.SourceBranch == source && mergeRequest.TargetBranch == target);
            if (duplicate is not null)
            {
                return FakeResponse.Message(409, new[]
                {
                    $"Another open merge request already exists for this source branch: !{duplicate.Iid}",
                });
            }

            var created = new FakeMergeRequest(1000 + mergeRequests.Count + 1, mergeRequests.Count + 1, source!, target!, title!)
            {
                Description = request.Field("description") ?? string.Empty,
                Labels = request.Field("labels") ?? string.Empty,
            };
            mergeRequests.Add(created);
            return FakeResponse.Json(201, Shape(created));
        }
    }

    private FakeResponse GetMergeRequest(string iidText) =>
        FindMergeRequest(iidText) is { } found ? FakeResponse.Json(200, Shape(found)) : FakeResponse.NotFound();

    private FakeResponse UpdateMergeRequest(FakeRequest request, string iidText)
    {
        lock (gate)
        {
            if (FindMergeRequest(iidText) is not { } found)
            {
                return FakeResponse.NotFound();
            }

            var updated = found with
            {
                Title = request.Field("title") ?? found.Title,
                Description = request.Field("description") ?? found.Description,
                Labels = AddLabels(found.Labels, request.Field("add_labels")),
                State = request.Field("state_event") == "close" ? "closed" : found.State,
            };
            mergeRequests[mergeRequests.IndexOf(found)] = updated;
            return FakeResponse.Json(200, Shape(updated));
        }
    }

    // GitLab answers 406 when the merge request is not set to auto-merge, 405 when it is no longer open.
    private FakeResponse CancelAutoMerge(string iidText)
    {
        lock (gate)
        {
            if (FindMergeRequest(iidText) is not { } found)
            {
                return FakeResponse.NotFound();
            }

            if (found.State != "opened")
            {
                return FakeResponse.Message(405, "405 Method Not Allowed");
            }

            if (!found.AutoMerge)
            {
                return FakeResponse.Message(406, "406 Not Acceptable");
            }

            var cancelled = found with { AutoMerge = false };
            mergeRequests[mergeRequests.IndexOf(found)] = cancelled;
            return FakeResponse.Json(201, Shape(cancelled));
        }
    }

    private static string AddLabels(string current, string? added) =>
        string.Join(',', current.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Concat((added ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal));

    private FakeMergeRequest? FindMergeRequest(string iidText)
    {
        lock (gate)
        {
            return int.TryParse(iidText, NumberStyles.None, CultureInfo.InvariantCulture, out var iid)
                ? mergeRequests.FirstOrDefault(mergeRequest => mergeRequest.Iid == iid)
                : null;
        }
    }

    private object Shape(FakeMergeRequest mergeRequest) => new
    {
        id = mergeRequest.Id,
        iid = mergeRequest.Iid,
        project_id = ProjectId,
        title = mergeRequest.Title,
        description = mergeRequest.Description,
        state = mergeRequest.State,
        source_branch = mergeRequest.SourceBranch,
        target_branch = mergeRequest.TargetBranch,
        labels = mergeRequest.Labels.Split(',', StringSplitOptions.RemoveEmptyEntries),
        merge_when_pipeline_succeeds = mergeRequest.AutoMerge,
        web_url = new Uri(WebUrl, $"{ProjectPath}/-/merge_requests/{mergeRequest.Iid}").ToString(),
    };
}
