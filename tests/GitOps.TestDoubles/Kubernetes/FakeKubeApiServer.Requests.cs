using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GitOps.TestDoubles.Kubernetes;

public sealed partial class FakeKubeApiServer
{
    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (await UnauthenticatedAsync(context))
        {
            return;
        }

        if (ResourcePath.Parse(request.Path.Value ?? string.Empty) is not { } path)
        {
            Calls.Record("client", request.Method, request.Path.Value ?? string.Empty);
            await WriteStatusAsync(context, StoreResult.Failure(404, "NotFound", "the server could not find the requested resource"));
            return;
        }

        var result = (request.Method, path.Name) switch
        {
            ("GET", null) when IsWatch(request) => null,
            ("GET", null) => List(path, request),
            ("GET", { } name) => Record(path, "get", string.Empty, Store.Get(path.Type, path.Namespace, name) is { } found
                ? StoreResult.Ok(found) : StoreResult.NotFound(new ObjectKey(path.Type, path.Namespace, name))),
            ("POST", null) => Create(path, await ReadBodyAsync(request)),
            ("PATCH", { } name) => Patch(path, name, request, await ReadBodyAsync(request)),
            ("DELETE", { } name) => Delete(path, name, request, await ReadBodyAsync(request)),
            _ => StoreResult.Failure(405, "MethodNotAllowed", $"{request.Method} is not supported by the fake API server"),
        };

        if (result is null)
        {
            if (!await RefusedWatchAsync(context, path))
            {
                await WatchAsync(context, path);
            }

            return;
        }

        if (result.Succeeded)
        {
            context.Response.StatusCode = result.StatusCode;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(result.Resource!.ToJsonString());
        }
        else
        {
            await WriteStatusAsync(context, result);
        }
    }

    private StoreResult List(ResourcePath path, HttpRequest request)
    {
        var selector = request.Query["labelSelector"].ToString();
        var (items, version) = Store.List(path.Type, path.Type.Namespaced && path.Namespace.Length > 0 ? path.Namespace : null, selector);
        Calls.Record("client", "list", path.Type.Plural, path.Namespace, detail: selector);
        return StoreResult.Ok(new JsonObject
        {
            ["apiVersion"] = path.Type.ApiVersion,
            ["kind"] = path.Type.Kind + "List",
            ["metadata"] = new JsonObject { ["resourceVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = new JsonArray([.. items]),
        });
    }

    private StoreResult Create(ResourcePath path, JsonNode? body) =>
        body is JsonObject resource
            ? Record(path with { Name = KubeMetadata.Name(resource) }, "create", string.Empty, Store.Create(path.Type, path.Namespace, resource))
            : StoreResult.Failure(400, "BadRequest", "the request body is not a JSON object");

    private StoreResult Patch(ResourcePath path, string name, HttpRequest request, JsonNode? body)
    {
        var contentType = request.ContentType?.Split(';')[0].Trim() ?? string.Empty;
        var fieldManager = request.Query["fieldManager"].ToString();
        return contentType switch
        {
            _ when body is not JsonObject => StoreResult.Failure(400, "BadRequest", "the patch body is not a JSON object"),
            "application/apply-patch+yaml" when fieldManager.Length == 0 =>
                StoreResult.Failure(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"),
            "application/apply-patch+yaml" => Record(path with { Name = name }, "apply", $"fieldManager={fieldManager} force={request.Query["force"]}",
                Store.Apply(path.Type, path.Namespace, name, (JsonObject)body!, fieldManager)),
            "application/merge-patch+json" => Record(path with { Name = name }, "merge-patch", Describe(path, body!),
                Store.MergePatch(path.Type, path.Namespace, name, body!)),
            _ => StoreResult.Failure(415, "UnsupportedMediaType", $"the fake API server does not support patch type {contentType}"),
        };
    }

    private StoreResult Delete(ResourcePath path, string name, HttpRequest request, JsonNode? body)
    {
        var policy = request.Query["propagationPolicy"].ToString();
        if (policy.Length == 0)
        {
            policy = body?["propagationPolicy"]?.GetValue<string>() ?? string.Empty;
        }

        return Record(path with { Name = name }, "delete", $"propagationPolicy={policy}", Store.Delete(path.Type, path.Namespace, name));
    }

    private StoreResult Record(ResourcePath path, string verb, string detail, StoreResult result)
    {
        Calls.Record("client", verb, path.Type.Plural, path.Namespace, path.Name ?? string.Empty,
            result.Succeeded ? detail : $"{detail} -> {result.StatusCode}".Trim());
        return result;
    }

    // Patches of Secrets carry credentials: the call log keeps only that they happened.
    private static string Describe(ResourcePath path, JsonNode body) =>
        path.Type == ResourceType.Secret ? string.Empty : body.ToJsonString();

    private static bool IsWatch(HttpRequest request) => request.Query["watch"].ToString() is "true" or "1";

    private static async Task<JsonNode?> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task WriteStatusAsync(HttpContext context, StoreResult result)
    {
        context.Response.StatusCode = result.StatusCode;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(Status(result.StatusCode, result.Reason, result.Message).ToJsonString());
    }

    private static JsonObject Status(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    };
}
