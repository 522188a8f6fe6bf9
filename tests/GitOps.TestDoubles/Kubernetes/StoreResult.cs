using System.Text.Json.Nodes;

namespace GitOps.TestDoubles.Kubernetes;

/// <summary>Outcome of a store operation in API-server terms: an HTTP status, and the object or a reason.</summary>
public sealed record StoreResult(int StatusCode, JsonObject? Resource, string Reason, string Message)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    public static StoreResult Ok(JsonObject value, int statusCode = 200) => new(statusCode, value, string.Empty, string.Empty);

    public static StoreResult NotFound(ObjectKey key) =>
        new(404, null, "NotFound", $"{key.Type.Plural}.{key.Type.Group} \"{key.Name}\" not found");

    public static StoreResult Failure(int statusCode, string reason, string message) => new(statusCode, null, reason, message);
}
