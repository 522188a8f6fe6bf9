using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GitOps.Platform.Tests.E2e;

/// <summary>A stand-in environment on loopback: health, version and a front page.</summary>
internal sealed class EnvironmentServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private EnvironmentServer(WebApplication app) => this.app = app;

    public string BaseUrl => app.Urls.First();

    public static async Task<EnvironmentServer> StartAsync(string release)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        app.MapGet("/version", () => $"{{\"release\":\"{release}\"}}");
        app.MapGet("/", () => Results.Content("<html>platform</html>", "text/html"));
        await app.StartAsync();
        return new EnvironmentServer(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
