using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GitOps.TestDoubles.Google;

/// <summary>
/// Loopback stand-ins (127.0.0.1, free port) for the three Google endpoints application default credentials use,
/// with the request and response shapes of Google's documentation:
/// <list type="bullet">
/// <item><c>POST /token</c>: oauth2.googleapis.com's refresh-token grant for authorized_user credentials
/// (form: grant_type=refresh_token, client_id, client_secret, refresh_token; answer access_token, expires_in,
/// scope, token_type; 400 invalid_grant for an unknown refresh token).</item>
/// <item><c>POST /v1/token</c>: sts.googleapis.com's OAuth 2.0 token exchange (RFC 8693 form: grant_type
/// token-exchange, audience, scope, requested_token_type access_token, subject_token, subject_token_type jwt; answer
/// access_token, issued_token_type, token_type, expires_in; 400 invalid_grant / invalid_target otherwise).</item>
/// <item><c>POST /v1/projects/-/serviceAccounts/EMAIL:generateAccessToken</c>: iamcredentials (bearer: the federated
/// token; JSON scope[] and lifetime; answer accessToken and expireTime; 403 PERMISSION_DENIED for another account).</item>
/// </list>
/// Issued service-account and user tokens are remembered with their expiry, so a fake API server can accept exactly them.
/// </summary>
public sealed class FakeGoogleTokenService : IAsyncDisposable
{
    public const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, DateTimeOffset> accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> federatedTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> requests = new();

    private FakeGoogleTokenService(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The Workload Identity provider STS accepts as audience: <c>//iam.googleapis.com/projects/.../providers/...</c>.</summary>
    public string Audience { get; set; } = "//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/gitlab-pool/providers/gitlab-provider";

    /// <summary>The OIDC token (GitLab's ID token) STS accepts as subject token.</summary>
    public string SubjectToken { get; set; } = string.Empty;

    /// <summary>The service account the federated identity may impersonate.</summary>
    /// <summary>The provider's attribute_condition rejects every token (as for a job without a protected environment).</summary>
    public bool RejectedByAttributeCondition { get; set; }

    public string ServiceAccount { get; set; } = "gitops-deployer@test-project.iam.gserviceaccount.com";

    /// <summary>The authorized_user client and refresh token oauth2 accepts.</summary>
    public (string ClientId, string ClientSecret, string RefreshToken) User { get; set; } = ("client-id.apps.googleusercontent.com", string.Empty, string.Empty);

    /// <summary>How long issued access tokens live.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public Uri TokenEndpoint => new(BaseAddress, "token");

    public Uri StsEndpoint => new(BaseAddress, "v1/token");

    /// <summary>Root of the iamcredentials stand-in (generateAccessToken lives below v1/).</summary>
    public Uri IamCredentialsRoot => BaseAddress;

    /// <summary>Requests as <c>endpoint outcome</c>, e.g. <c>sts ok</c>, <c>generateAccessToken denied</c>.</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    /// <summary>Every access token issued for Google APIs (user or service account), for canary checks.</summary>
    public IReadOnlyCollection<string> IssuedAccessTokens => [.. accessTokens.Keys];

    public static async Task<FakeGoogleTokenService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var service = new FakeGoogleTokenService(builder.Build());
        service.app.Run(service.HandleAsync);
        await service.app.StartAsync();
        service.BaseAddress = new Uri(service.app.Urls.Single() + "/");
        return service;
    }

    /// <summary>True for an access token this service issued that has not expired: what GKE would accept.</summary>
    public bool IsValidAccessToken(string token) => accessTokens.TryGetValue(token, out var expires) && expires > DateTimeOffset.UtcNow;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (context.Request.Method != "POST")
        {
            await ErrorAsync(context, "other", 405, new JsonObject { ["error"] = "method_not_allowed" });
        }
        else if (path == "/token")
        {
            await RefreshAsync(context, await context.Request.ReadFormAsync());
        }
        else if (path == "/v1/token")
        {
            await ExchangeAsync(context, await context.Request.ReadFormAsync());
        }
        else if (path.StartsWith("/v1/projects/-/serviceAccounts/", StringComparison.Ordinal) && path.EndsWith(":generateAccessToken", StringComparison.Ordinal))
        {
            await GenerateAccessTokenAsync(context, Uri.UnescapeDataString(path["/v1/projects/-/serviceAccounts/".Length..^":generateAccessToken".Length]));
        }
        else
        {
            await ErrorAsync(context, "other", 404, new JsonObject { ["error"] = "not_found" });
        }
    }

    private async Task RefreshAsync(HttpContext context, IFormCollection form)
    {
        if (form["grant_type"] != "refresh_token" || form["client_id"] != User.ClientId || form["client_secret"] != User.ClientSecret
            || form["refresh_token"] != User.RefreshToken || User.RefreshToken.Length == 0)
        {
            await ErrorAsync(context, "oauth2", 400, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "Token has been expired or revoked." });
            return;
        }

        var token = Issue("ya29.user-");
        await OkAsync(context, "oauth2", new JsonObject
        {
            ["access_token"] = token,
            ["expires_in"] = (int)TokenLifetime.TotalSeconds,
            ["scope"] = CloudPlatformScope,
            ["token_type"] = "Bearer",
        });
    }

    private async Task ExchangeAsync(HttpContext context, IFormCollection form)
    {
        if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:token-exchange"
            || form["requested_token_type"] != "urn:ietf:params:oauth:token-type:access_token"
            || form["subject_token_type"] != "urn:ietf:params:oauth:token-type:jwt")
        {
            await ErrorAsync(context, "sts", 400, new JsonObject { ["error"] = "invalid_request", ["error_description"] = "Invalid grant_type, requested_token_type or subject_token_type." });
            return;
        }

        if (form["audience"] != Audience)
        {
            await ErrorAsync(context, "sts", 400, new JsonObject { ["error"] = "invalid_target", ["error_description"] = "The target service indicated by the \"audience\" parameters is invalid." });
            return;
        }

        if (RejectedByAttributeCondition)
        {
            // Google's answer when the provider's attribute_condition is false for the token (or cannot be evaluated).
            await ErrorAsync(context, "sts", 400, new JsonObject { ["error"] = "unauthorized_client", ["error_description"] = "The given credential is rejected by the attribute condition." });
            return;
        }

        if (SubjectToken.Length == 0 || form["subject_token"] != SubjectToken)
        {
            await ErrorAsync(context, "sts", 400, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "The audience in ID Token does not match the expected audience." });
            return;
        }

        var federated = "ya29.federated-" + RandomPart();
        federatedTokens[federated] = true;
        await OkAsync(context, "sts", new JsonObject
        {
            ["access_token"] = federated,
            ["issued_token_type"] = "urn:ietf:params:oauth:token-type:access_token",
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
        });
    }

    private async Task GenerateAccessTokenAsync(HttpContext context, string serviceAccount)
    {
        var bearer = context.Request.Headers.Authorization.ToString();
        if (!bearer.StartsWith("Bearer ", StringComparison.Ordinal) || !federatedTokens.ContainsKey(bearer["Bearer ".Length..]))
        {
            await ErrorAsync(context, "generateAccessToken", 401, GoogleError(401, "Request had invalid authentication credentials.", "UNAUTHENTICATED"));
            return;
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var scopes = body.RootElement.TryGetProperty("scope", out var scope) && scope.ValueKind == JsonValueKind.Array
            ? scope.EnumerateArray().Select(item => item.GetString()).ToArray() : [];
        if (serviceAccount != ServiceAccount)
        {
            await ErrorAsync(context, "generateAccessToken", 403, GoogleError(403, "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).", "PERMISSION_DENIED"));
            return;
        }

        if (scopes.Length == 0)
        {
            await ErrorAsync(context, "generateAccessToken", 400, GoogleError(400, "Scope required.", "INVALID_ARGUMENT"));
            return;
        }

        var token = Issue("ya29.sa-");
        await OkAsync(context, "generateAccessToken", new JsonObject
        {
            ["accessToken"] = token,
            ["expireTime"] = accessTokens[token].UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        });
    }

    private string Issue(string prefix)
    {
        var token = prefix + RandomPart();
        accessTokens[token] = DateTimeOffset.UtcNow + TokenLifetime;
        return token;
    }

    private static string RandomPart() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static JsonObject GoogleError(int code, string message, string status) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status } };

    private Task OkAsync(HttpContext context, string endpoint, JsonObject body)
    {
        requests.Enqueue($"{endpoint} ok");
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private Task ErrorAsync(HttpContext context, string endpoint, int status, JsonObject body)
    {
        requests.Enqueue($"{endpoint} {status}");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
