using Microsoft.AspNetCore.Http;

namespace GitOps.TestDoubles.Kubernetes;

public sealed partial class FakeKubeApiServer
{
    private int watchRefusals;
    private int watchRefusalStatus;

    /// <summary>
    /// The next <paramref name="times"/> watch requests are answered with <paramref name="statusCode"/> instead of a
    /// stream: 401 (expired token), 403 (RBAC), 429 (throttled), 503 (API server restarting)...
    /// </summary>
    public void RefuseWatches(int statusCode, int times = int.MaxValue)
    {
        Volatile.Write(ref watchRefusalStatus, statusCode);
        Volatile.Write(ref watchRefusals, times);
    }

    private async Task<bool> RefusedWatchAsync(HttpContext context, ResourcePath path)
    {
        if (Volatile.Read(ref watchRefusals) <= 0 || Interlocked.Decrement(ref watchRefusals) < 0)
        {
            return false;
        }

        var status = Volatile.Read(ref watchRefusalStatus);
        Calls.Record("client", "watch-refused", path.Type.Plural, path.Namespace, detail: $"status={status}");
        var reason = status switch
        {
            401 => "Unauthorized",
            403 => "Forbidden",
            429 => "TooManyRequests",
            _ => "ServiceUnavailable",
        };
        if (status == 429)
        {
            context.Response.Headers.RetryAfter = "0";
        }

        await WriteStatusAsync(context, StoreResult.Failure(status, reason, $"watch refused by the fake API server ({reason})"));
        return true;
    }
}
