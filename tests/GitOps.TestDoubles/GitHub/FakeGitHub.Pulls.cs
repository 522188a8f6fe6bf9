using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GitOps.TestDoubles.GitHub;

public sealed partial class FakeGitHub
{
    private (int Status, object Payload) Route(HttpRequest http, string path, string body)
    {
        var prefix = $"/api/v3/repos/{Owner}/{Repository}/pulls";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return (404, Error("Not Found"));
        }

        var rest = path[prefix.Length..].Trim('/');
        return (http.Method, rest.Length == 0) switch
        {
            ("GET", true) => (200, List(http.Query)),
            ("POST", true) => Create(JsonDocument.Parse(body).RootElement),
            ("PATCH", false) when int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var number) =>
                Update(number, JsonDocument.Parse(body).RootElement),
            _ => (404, Error("Not Found")),
        };
    }

    private List<object> List(IQueryCollection query) => Locked(() =>
    {
        if (staleListings > 0)
        {
            staleListings--;
            return [];
        }

        var state = query["state"].ToString() is { Length: > 0 } given ? given : "open";
        var head = query["head"].ToString();
        var baseRef = query["base"].ToString();
        return pullRequests
            .Where(pull => state == "all" || pull.State == state)
            .Where(pull => head.Length == 0 || $"{Owner}:{pull.Head}" == head)
            .Where(pull => baseRef.Length == 0 || pull.Base == baseRef)
            .Select(Shape)
            .ToList();
    });

    private (int, object) Create(JsonElement body) => Locked<(int, object)>(() =>
    {
        var head = body.GetProperty("head").GetString()!;
        var baseRef = body.GetProperty("base").GetString()!;
        if (pullRequests.Any(pull => pull.State == "open" && pull.Head == head && pull.Base == baseRef))
        {
            return (422, new
            {
                message = "Validation Failed",
                errors = new[] { new { resource = "PullRequest", code = "custom", message = $"A pull request already exists for {Owner}:{head}." } },
                documentation_url = "https://docs.github.com/rest/pulls/pulls#create-a-pull-request",
            });
        }

        var created = new FakePullRequest(
            pullRequests.Count + 1, head, baseRef, body.GetProperty("title").GetString()!, body.TryGetProperty("body", out var text) ? text.GetString() ?? string.Empty : string.Empty);
        pullRequests.Add(created);
        if (failuresAfterProcessing > 0)
        {
            failuresAfterProcessing--;
            return (502, Error("Server Error"));
        }

        return (201, Shape(created));
    });

    private (int, object) Update(int number, JsonElement body) => Locked<(int, object)>(() =>
    {
        var index = pullRequests.FindIndex(pull => pull.Number == number);
        if (index < 0)
        {
            return (404, Error("Not Found"));
        }

        var current = pullRequests[index];
        var updated = current with
        {
            Title = body.TryGetProperty("title", out var title) ? title.GetString()! : current.Title,
            Body = body.TryGetProperty("body", out var text) ? text.GetString() ?? string.Empty : current.Body,
        };
        pullRequests[index] = updated;
        return (200, Shape(updated));
    });

    private object Shape(FakePullRequest pull) => new
    {
        id = 9000 + pull.Number,
        number = pull.Number,
        state = pull.State,
        title = pull.Title,
        body = pull.Body,
        html_url = new Uri(Root, $"{Owner}/{Repository}/pull/{pull.Number}").ToString(),
        url = new Uri(Root, $"api/v3/repos/{Owner}/{Repository}/pulls/{pull.Number}").ToString(),
        head = new { @ref = pull.Head, label = $"{Owner}:{pull.Head}", sha = "1111111111111111111111111111111111111111" },
        @base = new { @ref = pull.Base, label = $"{Owner}:{pull.Base}", sha = "2222222222222222222222222222222222222222" },
    };
}
