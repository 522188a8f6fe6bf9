using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GitOps.TestDoubles.GitLab;

public sealed partial class FakeGitLab
{
    private const string ApiPrefix = "/api/v4/";

    private async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        var raw = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var queryStart = raw.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? raw : raw[..queryStart];
        var query = queryStart < 0 ? string.Empty : raw[(queryStart + 1)..];
        http.EnableBuffering();
        var body = await new StreamReader(http.Body).ReadToEndAsync(context.RequestAborted);
        http.Body.Position = 0;
        Record(new RecordedRequest(http.Method, path, query, Headers(http), body));

        var fault = Faults.Take(http.Method, path);
        if (fault is { Kind: FakeFaultKind.Throttle })
        {
            await Throttled(fault).WriteAsync(context.Response);
            return;
        }

        if (fault is { Kind: FakeFaultKind.Fail })
        {
            await ServerError(fault.Status).WriteAsync(context.Response);
            return;
        }

        if (fault is { Kind: FakeFaultKind.Delay })
        {
            try
            {
                await Task.Delay(fault.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        FakeResponse response;
        try
        {
            response = await RouteAsync(http, path, query, body);
        }
        catch (JsonException)
        {
            response = FakeResponse.Error(400, "body is not valid JSON");
        }

        if (fault is { Kind: FakeFaultKind.FailAfterProcessing })
        {
            response = ServerError(fault.Status);
        }

        await response.WriteAsync(context.Response);
    }

    private async Task<FakeResponse> RouteAsync(HttpRequest http, string path, string query, string body)
    {
        if (!path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            return new FakeResponse(404, "Not Found", "text/plain");
        }

        var segments = path[ApiPrefix.Length..].Split('/');
        if (segments is ["version"] && http.Method == "GET")
        {
            return GetVersion(Authenticate(http));
        }

        if (segments.Length < 2 || segments[0] != "projects")
        {
            return FakeResponse.NotFound();
        }

        if (!IsThisProject(segments[1]))
        {
            return FakeResponse.NotFound("404 Project Not Found");
        }

        var (fields, structured) = await FakeRequest.ReadBodyAsync(http, body);
        var request = new FakeRequest
        {
            Method = http.Method,
            Segments = segments[2..],
            Query = ParseQuery(query),
            Fields = fields,
            Structured = structured,
            Caller = Authenticate(http),
        };
        return Route(request);
    }

    private FakeResponse Route(FakeRequest request)
    {
        var resource = request.Segments;
        if (resource.Count == 0)
        {
            return request.Caller == FakeCaller.Anonymous ? FakeResponse.Message(401, "401 Unauthorized")
                : request.Method == "PUT" ? Allow(request, jobToken: false, write: true) ?? UpdateProject(request)
                : request.Method != "GET" ? FakeResponse.NotFound()
                : Allow(request, jobToken: false, write: false) ?? GetProject(request);
        }

        var (method, first) = (request.Method, resource[0]);

        // The trigger endpoint authenticates by the token in its body, not by a header.
        if (method == "POST" && first == "trigger" && resource.Count == 2 && resource[1] == "pipeline")
        {
            return TriggerPipeline(request);
        }

        if (request.Caller == FakeCaller.Anonymous)
        {
            return FakeResponse.Message(401, "401 Unauthorized");
        }

        return (method, first, resource.Count) switch
        {
            ("GET", "variables", 1) => Allow(request, jobToken: false, write: true) ?? ListVariables(request),
            ("GET", "merge_requests", 1) => Allow(request, jobToken: true, write: false) ?? ListMergeRequests(request),
            ("POST", "merge_requests", 1) => Allow(request, jobToken: false, write: true) ?? CreateMergeRequest(request),
            ("GET", "merge_requests", 2) => Allow(request, jobToken: true, write: false) ?? GetMergeRequest(resource[1]),
            ("PUT", "merge_requests", 2) => Allow(request, jobToken: false, write: true) ?? UpdateMergeRequest(request, resource[1]),
            ("POST", "merge_requests", 3) when resource[2] == "cancel_merge_when_pipeline_succeeds" =>
                Allow(request, jobToken: false, write: true) ?? CancelAutoMerge(resource[1]),
            ("POST", "releases", 1) => Allow(request, jobToken: true, write: true) ?? CreateRelease(request),
            ("GET", "releases", 2) => Allow(request, jobToken: true, write: false) ?? GetRelease(resource[1]),
            ("POST", "repository", 2) when resource[1] == "commits" =>
                Allow(request, jobToken: false, write: true) ?? CreateCommit(request),
            ("POST", "statuses", 2) => Allow(request, jobToken: false, write: true) ?? SetStatus(request, resource[1]),
            _ => FakeResponse.NotFound(),
        };
    }

    // GitLab ignores a job token where it is not allowlisted, so the caller is simply unauthenticated there.
    private static FakeResponse? Allow(FakeRequest request, bool jobToken, bool write) => request.Caller switch
    {
        FakeCaller.Job when !jobToken => FakeResponse.Message(401, "401 Unauthorized"),
        FakeCaller.Reporter when write => FakeResponse.Message(403, "403 Forbidden"),
        _ => null,
    };

    private FakeCaller Authenticate(HttpRequest http)
    {
        var privateToken = http.Headers["PRIVATE-TOKEN"].ToString();
        var authorization = http.Headers.Authorization.ToString();
        var bearer = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : string.Empty;
        var token = privateToken.Length > 0 ? privateToken : bearer;
        if (token.Length > 0)
        {
            return token == MaintainerToken ? FakeCaller.Maintainer
                : token == ReporterToken ? FakeCaller.Reporter
                : FakeCaller.Anonymous;
        }

        return http.Headers["JOB-TOKEN"].ToString() == JobToken ? FakeCaller.Job : FakeCaller.Anonymous;
    }

    private bool IsThisProject(string segment) =>
        segment == ProjectId.ToString(CultureInfo.InvariantCulture) || Uri.UnescapeDataString(segment) == ProjectPath;

    private void Record(RecordedRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
        }
    }

    private static Dictionary<string, string> Headers(HttpRequest http) =>
        http.Headers.ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.ToString(), StringComparer.Ordinal);

    private static Dictionary<string, string> ParseQuery(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(
                pair => Uri.UnescapeDataString(pair[0]),
                pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : string.Empty,
                StringComparer.Ordinal);

    private static FakeResponse Throttled(FakeFault fault)
    {
        var response = new FakeResponse(429, "Retry later\n", "text/plain");
        response.Headers["Retry-After"] = fault.RetryAfter ?? "0";
        response.Headers["RateLimit-Limit"] = "600";
        response.Headers["RateLimit-Remaining"] = "0";
        return response;
    }

    // Rails answers 500 with JSON; the proxy in front answers 502/503/504 with an HTML page.
    private static FakeResponse ServerError(int status) => status == 500
        ? FakeResponse.Message(500, "500 Internal Server Error")
        : new FakeResponse(status, $"<html><body><h1>{status}</h1>GitLab is not responding</body></html>", "text/html");
}
