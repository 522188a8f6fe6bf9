using System.Collections.Concurrent;
using GitOps.TestDoubles.GitLab;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GitOps.Platform.Tests.Toolchain;

/// <summary>
/// A download site on loopback (Kestrel, port 0) serving the archives a test built, as a vendor's release site or a
/// mirror would: 200 with Content-Length, 404 for anything else. <see cref="Truncate"/> makes it announce the full
/// length and drop the connection halfway, as a broken proxy or a reset does.
/// </summary>
internal sealed class ArchiveServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> requests = new();
    private WebApplication? app;

    public Uri Root { get; private set; } = null!;

    /// <summary>Paths requested so far, in order.</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    public bool Truncate { get; set; }

    /// <summary>Holds every response until released, so concurrent downloads overlap for sure.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public static async Task<ArchiveServer> StartAsync()
    {
        var server = new ArchiveServer();
        var (app, root) = await LoopbackHost.StartAsync(server.ServeAsync);
        server.app = app;
        server.Root = root;
        return server;
    }

    public Uri Serve(string path, byte[] content)
    {
        files[path.TrimStart('/')] = content;
        return new Uri(Root, path.TrimStart('/'));
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!.TrimStart('/');
        requests.Enqueue(path);
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        if (!files.TryGetValue(path, out var content))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("not found");
            return;
        }

        context.Response.ContentLength = content.Length;
        context.Response.ContentType = "application/octet-stream";
        if (Truncate)
        {
            await context.Response.Body.WriteAsync(content.AsMemory(0, content.Length / 2));
            await context.Response.Body.FlushAsync();
            await Task.Delay(100);
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(content);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
