using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GitOps.Platform.Tests.Terraform;

/// <summary>
/// A remote Terraform state store on loopback for terraform's built-in <c>backend "http"</c>: GET returns the state
/// (404 while there is none), POST stores it, DELETE forgets it, and every request needs HTTP basic auth with
/// <see cref="Password"/>, answering 401 without credentials and 403 with wrong ones, as terraform's http backend
/// expects. It stands in for a GCS bucket whose credentials can go bad between two runs.
/// </summary>
internal sealed class HttpStateServer : IAsyncDisposable
{
    public const string User = "terraform";

    private readonly WebApplication app;
    private readonly Dictionary<string, byte[]> states = new(StringComparer.Ordinal);

    private HttpStateServer(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The password the store accepts; change it to model rotated or revoked credentials.</summary>
    public string Password { get; set; } = "state-password";

    public int Refusals { get; private set; }

    public static async Task<HttpStateServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var server = new HttpStateServer(builder.Build());
        server.app.Run(server.HandleAsync);
        await server.app.StartAsync();
        server.BaseAddress = new Uri(server.app.Urls.Single());
        return server;
    }

    public Uri AddressOf(string name) => new(BaseAddress, $"state/{name}");

    public bool Holds(string name)
    {
        lock (states)
        {
            return states.ContainsKey(name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
        var given = context.Request.Headers.Authorization.ToString();
        if (given != expected)
        {
            Refusals++;
            context.Response.StatusCode = given.Length == 0 ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            return;
        }

        var name = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
        switch (context.Request.Method)
        {
            case "GET":
                byte[]? state;
                lock (states)
                {
                    state = states.GetValueOrDefault(name);
                }

                if (state is null)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(state);
                return;
            case "POST":
                using (var body = new MemoryStream())
                {
                    await context.Request.Body.CopyToAsync(body);
                    lock (states)
                    {
                        states[name] = body.ToArray();
                    }
                }

                return;
            case "DELETE":
                lock (states)
                {
                    states.Remove(name);
                }

                return;
            default:
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
        }
    }
}
