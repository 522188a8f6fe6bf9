using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GitOps.TestDoubles.Kubernetes;

public sealed partial class FakeKubeApiServer
{
    // A watch is a chunked 200 response of JSON lines {type, object}; a too-old resourceVersion is answered, as the real
    // server does, with 200 and one ERROR event carrying a 410 Status.
    private async Task WatchAsync(HttpContext context, ResourcePath path)
    {
        var query = context.Request.Query;
        var from = long.TryParse(query["resourceVersion"], NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version : (long?)null;
        var selector = LabelSelector.Parse(query["labelSelector"]);
        var timeout = int.TryParse(query["timeoutSeconds"], CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds) : Timeout.InfiniteTimeSpan;
        Calls.Record("client", "watch", path.Type.Plural, path.Namespace, detail: $"resourceVersion={from}");

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync();
        using var subscription = Store.Subscribe(from);
        if (subscription is null)
        {
            await WriteLineAsync(context, new JsonObject
            {
                ["type"] = "ERROR",
                ["object"] = Status(410, "Expired", $"too old resource version: {from} ({Store.CurrentRevision})"),
            });
            return;
        }

        CancellationToken dropped;
        lock (watchGate)
        {
            dropped = dropWatches.Token;
        }

        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token, dropped);
        ended.CancelAfter(timeout);
        try
        {
            await foreach (var change in subscription.Events.ReadAllAsync(ended.Token))
            {
                if (change.ResourceType == path.Type && (path.Namespace.Length == 0 || change.Namespace == path.Namespace)
                    && selector.Matches(change.Resource))
                {
                    await WriteLineAsync(context, new JsonObject { ["type"] = change.Type, ["object"] = change.Resource.DeepClone() });
                }
            }
        }
        catch (OperationCanceledException) when (dropped.IsCancellationRequested && dropAborts)
        {
            context.Abort();
        }
        catch (OperationCanceledException)
        {
            // Timeout, shutdown, client gone or a clean drop: the chunked body simply ends.
        }
    }

    private static async Task WriteLineAsync(HttpContext context, JsonObject line)
    {
        await context.Response.WriteAsync(line.ToJsonString() + "\n");
        await context.Response.Body.FlushAsync();
    }
}
