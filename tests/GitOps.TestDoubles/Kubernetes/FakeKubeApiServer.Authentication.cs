using Microsoft.AspNetCore.Http;

namespace GitOps.TestDoubles.Kubernetes;

public sealed partial class FakeKubeApiServer
{
    private Func<string, bool>? acceptsBearerToken;

    /// <summary>
    /// Opt-in: from now on every request needs <c>Authorization: Bearer &lt;token&gt;</c> with a token this accepts
    /// (as GKE checks a Google access token), else 401 Unauthorized like a real API server. Off by default.
    /// </summary>
    public void RequireBearerToken(Func<string, bool> accepts) => Volatile.Write(ref acceptsBearerToken, accepts);

    /// <summary>How many requests were refused for their credentials.</summary>
    public int RefusedCredentials { get; private set; }

    private async Task<bool> UnauthenticatedAsync(HttpContext context)
    {
        if (Volatile.Read(ref acceptsBearerToken) is not { } accepts)
        {
            return false;
        }

        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (header.StartsWith(Scheme, StringComparison.Ordinal) && accepts(header[Scheme.Length..]))
        {
            return false;
        }

        RefusedCredentials++;
        Calls.Record("client", "unauthorized", context.Request.Path.Value ?? string.Empty);
        await WriteStatusAsync(context, StoreResult.Failure(401, "Unauthorized", "Unauthorized"));
        return true;
    }
}
