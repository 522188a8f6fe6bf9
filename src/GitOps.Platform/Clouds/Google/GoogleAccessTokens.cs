using System.Text.Json;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;
using GitOps.Targets.Output;

namespace GitOps.Platform.Clouds.Google;

/// <summary>
/// Access tokens for the build's own calls to Google-authenticated APIs (GKE's API servers), from application default
/// credentials through Google.Apis.Auth: a user's refresh token (authorized_user), Workload Identity Federation
/// (external_account: STS token exchange, then service account impersonation) or an impersonated service account.
/// Tokens are cached and refreshed by the library before they expire; every token is registered as a secret before
/// it is handed out.
/// </summary>
public sealed class GoogleAccessTokens
{
    /// <summary>The scope GKE accepts for its API servers (as gke-gcloud-auth-plugin requests it).</summary>
    public const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

    private static readonly string[] AcceptedTypes =
    [
        JsonCredentialParameters.AuthorizedUserCredentialType,
        JsonCredentialParameters.ExternalAccountCredentialType,
        JsonCredentialParameters.ImpersonatedServiceAccountCredentialType,
        JsonCredentialParameters.ServiceAccountCredentialType,
    ];

    private readonly GoogleCredential credential;
    private readonly ISecretRegistry secrets;
    private readonly TimeProvider clock;

    private GoogleAccessTokens(string file, string type, GoogleCredential credential, ISecretRegistry secrets, TimeProvider clock)
    {
        File = file;
        Type = type;
        this.credential = credential;
        this.secrets = secrets;
        this.clock = clock;
    }

    /// <summary>The credentials file the tokens come from.</summary>
    public string File { get; }

    /// <summary>Its <c>type</c>: authorized_user, external_account, ...</summary>
    public string Type { get; }

    /// <summary>
    /// Loads the credentials file. <paramref name="httpClientFactory"/> replaces the HTTP stack (tests route Google's
    /// fixed token endpoint of authorized_user credentials to a loopback stand-in); the build leaves it null.
    /// </summary>
    public static GoogleAccessTokens FromFile(
        string path, ISecretRegistry secrets, bool inPipeline, global::Google.Apis.Http.IHttpClientFactory? httpClientFactory = null, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(secrets);
        var json = ReadJson(path);
        var type = TypeOf(path, json);
        RegisterSecrets(json, secrets);
        if (inPipeline && type == JsonCredentialParameters.ServiceAccountCredentialType)
        {
            throw new CloudConfigurationException(
                $"{path}: a service account key in CI is a long-lived secret; use Workload Identity Federation (GitLab OIDC token {WorkloadIdentityCredentials.IdTokenVariable}) instead");
        }

        // impersonated_service_account (and anything else that nests source_credentials) can carry the same key one
        // level or more down: Google's libraries use it just as well, so it is refused just the same.
        if (inPipeline && NestsKey(json))
        {
            throw new CloudConfigurationException(
                $"{path}: {type} credentials that hold a service account key (source_credentials); a key in CI is a long-lived secret; use Workload Identity Federation (GitLab OIDC token {WorkloadIdentityCredentials.IdTokenVariable}) instead");
        }

        GoogleCredential credential;
        try
        {
            credential = CredentialFactory.FromJson(json, type).CreateScoped(CloudPlatformScope);
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException or JsonException or Newtonsoft.Json.JsonException)
        {
            throw new CloudConfigurationException($"{path}: not usable {type} credentials: {error.Message}");
        }

        if (httpClientFactory is not null)
        {
            credential = credential.CreateWithHttpClientFactory(httpClientFactory);
        }

        return new GoogleAccessTokens(path, type, credential, secrets, clock ?? TimeProvider.System);
    }

    /// <summary>
    /// A token valid for at least <paramref name="minimumLifetime"/> (for tools that cannot refresh, such as helm
    /// during <c>--wait</c>); the cached one when it lives long enough, else a fresh one.
    /// </summary>
    public async Task<GoogleAccessToken> GetAsync(TimeSpan minimumLifetime, CancellationToken cancellationToken)
    {
        var token = await RequestAsync(refresh: false, cancellationToken);
        if (token.Expires - clock.GetUtcNow() < minimumLifetime)
        {
            token = await RequestAsync(refresh: true, cancellationToken);
        }

        return token;
    }

    private async Task<GoogleAccessToken> RequestAsync(bool refresh, CancellationToken cancellationToken)
    {
        try
        {
            if (refresh)
            {
                await ForceRefreshAsync(cancellationToken);
            }

            var value = await ((ITokenAccess)credential).GetAccessTokenForRequestAsync(cancellationToken: cancellationToken);
            secrets.Register(value);
            return new GoogleAccessToken(value, CurrentExpiry());
        }
        catch (TokenResponseException error)
        {
            // Google's error and description name the problem (invalid_grant, unauthorized_client); they hold no token.
            var description = error.Error?.ErrorDescription is { Length: > 0 } text ? $": {text}" : string.Empty;
            throw new GoogleAuthException($"Google refused the {Type} credentials in {File} (HTTP {(int?)error.StatusCode}): {error.Error?.Error}{description}{Hint(error.Error?.ErrorDescription)}");
        }
        catch (HttpRequestException error)
        {
            throw new GoogleAuthException($"Cannot reach Google's token service for the {Type} credentials in {File}: {error.Message}");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // external_account: the subject token file (the job's OIDC token) is missing or unreadable.
            throw new GoogleAuthException($"Cannot get a Google access token from the {Type} credentials in {File}: {error.Message}");
        }
    }

    /// <summary>
    /// STS says only that the attribute condition rejected the token; what the condition asks is the stage's
    /// foundation (WorkloadIdentityCredentials checks the token's own protected claims before asking).
    /// </summary>
    private static string Hint(string? description) =>
        description?.Contains("attribute condition", StringComparison.OrdinalIgnoreCase) == true
            ? "; the stage's Workload Identity condition admits only jobs of the committed GitLab project (gitlab_project_id, gitlab_project_path in its foundation tfvars) "
              + "on a protected ref deploying to the protected environment <stage>/gcp (GitLab Free has no protected environments)"
            : string.Empty;

    private Task ForceRefreshAsync(CancellationToken cancellationToken) => credential.UnderlyingCredential switch
    {
        ServiceCredential service => service.RequestAccessTokenAsync(cancellationToken),
        UserCredential user => user.RefreshTokenAsync(cancellationToken),
        _ => Task.CompletedTask,
    };

    private DateTimeOffset CurrentExpiry()
    {
        var token = credential.UnderlyingCredential switch
        {
            ServiceCredential service => service.Token,
            UserCredential user => user.Token,
            _ => null,
        };
        return token?.ExpiresInSeconds is { } seconds
            ? new DateTimeOffset(DateTime.SpecifyKind(token.IssuedUtc, DateTimeKind.Utc)).AddSeconds(seconds)
            : clock.GetUtcNow();
    }

    private static string ReadJson(string path)
    {
        try
        {
            return System.IO.File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CloudConfigurationException($"{path}: cannot read the Google credentials file: {error.Message}");
        }
    }

    private static string TypeOf(string path, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var type = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return type is not null && AcceptedTypes.Contains(type, StringComparer.Ordinal)
                ? type
                : throw new CloudConfigurationException(
                    $"{path}: Google credentials need a \"type\" of {string.Join(", ", AcceptedTypes)}; found {(type is null ? "none" : $"'{type}'")}");
        }
        catch (JsonException error)
        {
            throw new CloudConfigurationException($"{path}:{error.LineNumber + 1}: not a JSON credentials file");
        }
    }

    private static readonly string[] SecretFields = ["refresh_token", "client_secret", "private_key"];

    /// <summary>
    /// Refresh tokens, client secrets and private keys are masked even if a library message echoed them, at any depth
    /// (source_credentials of impersonated credentials nest a whole credentials file).
    /// </summary>
    private static void RegisterSecrets(string json, ISecretRegistry secrets)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var element in Objects(document.RootElement))
        {
            foreach (var name in SecretFields)
            {
                if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } secret)
                {
                    secrets.Register(secret);
                    foreach (var line in secret.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        // A PEM key printed line by line must not show any of its lines either.
                        secrets.Register(line);
                    }
                }
            }
        }
    }

    /// <summary>A nested object (below the top level) that is a service account key or carries a private key.</summary>
    private static bool NestsKey(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Objects(document.RootElement).Skip(1).Any(element =>
            (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == JsonCredentialParameters.ServiceAccountCredentialType)
            || element.TryGetProperty("private_key", out _));
    }

    /// <summary>Every JSON object in the document, the root first.</summary>
    private static IEnumerable<JsonElement> Objects(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            foreach (var property in element.EnumerateObject())
            {
                foreach (var nested in Objects(property.Value))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in Objects(item))
                {
                    yield return nested;
                }
            }
        }
    }
}
