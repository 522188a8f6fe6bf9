namespace GitOps.TestDoubles.GitLab;

public sealed partial class FakeGitLab
{
    private FakeResponse CreateRelease(FakeRequest request)
    {
        var tag = request.Field("tag_name");
        if (string.IsNullOrEmpty(tag))
        {
            return FakeResponse.Error(400, "tag_name is missing");
        }

        lock (gate)
        {
            if (releases.Any(release => release.TagName == tag))
            {
                return FakeResponse.Message(409, "Release already exists");
            }

            var created = new FakeRelease(tag, request.Field("name") ?? tag, request.Field("description") ?? string.Empty, request.Field("ref"));
            releases.Add(created);
            return FakeResponse.Json(201, Shape(created));
        }
    }

    private FakeResponse GetRelease(string encodedTag)
    {
        var tag = Uri.UnescapeDataString(encodedTag);
        var found = Snapshot(releases).FirstOrDefault(release => release.TagName == tag);
        return found is null ? FakeResponse.NotFound() : FakeResponse.Json(200, Shape(found));
    }

    private static object Shape(FakeRelease release) => new
    {
        tag_name = release.TagName,
        name = release.Name,
        description = release.Description,
    };
}
