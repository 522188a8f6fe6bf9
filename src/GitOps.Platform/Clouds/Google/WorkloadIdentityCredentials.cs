using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GitOps.Targets.Output;
using GitOps.Targets.Parameters;

namespace GitOps.Platform.Clouds.Google;

/// <summary>
/// In GitLab CI: turns the job's OIDC ID token (declared with <c>id_tokens</c>) into application default credentials
/// without any key: an external_account credential configuration whose subject token is that ID token, exchanged at
/// Google's STS for a federated token through the Workload Identity provider, then for the deployer service account's
/// access token (iamcredentials generateAccessToken). Terraform's google provider and the build read the same file.
/// Both files are 0600 under <c>.nuke/temp/google</c>, never artifacts, and removed when the build ends.
/// </summary>
public static partial class WorkloadIdentityCredentials
{
    /// <summary>The job's ID token, declared in every generated job that reaches Google Cloud.</summary>
    public const string IdTokenVariable = "GCP_ID_TOKEN";

    /// <summary>Full resource name of the provider: <c>projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER</c>.</summary>
    public const string ProviderVariable = "GCP_WORKLOAD_IDENTITY_PROVIDER";

    /// <summary>Email of the service account the pipeline deploys as.</summary>
    public const string ServiceAccountVariable = "GCP_DEPLOYER_SERVICE_ACCOUNT";

    public const string CredentialsFileName = "external-account.json";

    public const string SubjectTokenFileName = "gitlab-oidc-token";

    private const string JwtTokenType = "urn:ietf:params:oauth:token-type:jwt";

    /// <summary>The id token's <c>aud</c>: what a Workload Identity provider accepts when it lists no allowed audiences.</summary>
    public static string Audience(string provider) => $"https://iam.googleapis.com/{provider}";

    /// <summary>The directory both files go to, below <c>.nuke/temp</c>.</summary>
    public static string DirectoryUnder(string temporaryDirectory) => Path.Combine(temporaryDirectory, "google");

    /// <summary>
    /// Writes the credential configuration when the job has an ID token and returns its path, or null outside such a
    /// job. The provider and the service account are <paramref name="committed"/>'s when the stage's foundation tfvars
    /// commit them, and a variable naming others is refused; in a pipeline they must be committed. Elsewhere, missing
    /// or malformed variables are one-line errors naming the variable. Every check runs before a file is written or a
    /// token requested.
    /// </summary>
    public static async Task<string?> WriteAsync(
        string temporaryDirectory, Func<string, string?> environment, ISecretRegistry secrets, CommittedDeployer committed, CancellationToken cancellationToken,
        GoogleEndpoints? endpoints = null, bool pipeline = false)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (Checked(environment, committed, pipeline, secrets) is not var (idToken, provider, serviceAccount))
        {
            return null;
        }

        endpoints ??= GoogleEndpoints.Google;
        var directory = DirectoryUnder(temporaryDirectory);
        var subjectTokenFile = Path.Combine(directory, SubjectTokenFileName);
        var credentialsFile = Path.Combine(directory, CredentialsFileName);
        var configuration = new JsonObject
        {
            ["type"] = "external_account",
            ["audience"] = $"//iam.googleapis.com/{provider}",
            ["subject_token_type"] = JwtTokenType,
            ["token_url"] = endpoints.SecurityTokenService.ToString(),
            ["service_account_impersonation_url"] = endpoints.GenerateAccessToken(serviceAccount).ToString(),
            ["credential_source"] = new JsonObject { ["file"] = subjectTokenFile, ["format"] = new JsonObject { ["type"] = "text" } },
        };
        await OwnerOnlyFile.WriteAsync(subjectTokenFile, idToken, cancellationToken);
        await OwnerOnlyFile.WriteAsync(credentialsFile, configuration.ToJsonString(), cancellationToken);
        return credentialsFile;
    }

    /// <summary>
    /// Everything <see cref="WriteAsync"/> checks before it writes a file, for the build's up-front requirements: the
    /// same one-line <see cref="CloudConfigurationException"/>s, nothing written, nothing requested.
    /// </summary>
    public static void Require(Func<string, string?> environment, CommittedDeployer committed, bool pipeline) =>
        Checked(environment, committed, pipeline, secrets: null);

    /// <summary>The job's ID token with the provider and deployer it is exchanged for, or null outside such a job.</summary>
    private static (string IdToken, string Provider, string ServiceAccount)? Checked(
        Func<string, string?> environment, CommittedDeployer committed, bool pipeline, ISecretRegistry? secrets)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(committed);
        RequireIdTokenInPipeline(pipeline, environment);
        if (environment(IdTokenVariable) is not { Length: > 0 } idToken)
        {
            return null;
        }

        secrets?.Register(idToken);
        string provider, serviceAccount;
        if (committed.Complete)
        {
            provider = Repeating(environment, ProviderVariable, committed.Provider, committed);
            serviceAccount = Repeating(environment, ServiceAccountVariable, committed.ServiceAccount, committed);
        }
        else if (CiJobMarkers.Present(environment))
        {
            throw new CloudConfigurationException(committed.Missing());
        }
        else
        {
            provider = Required(environment, ProviderVariable, ProviderName(),
                "projects/<project number>/locations/global/workloadIdentityPools/<pool>/providers/<provider> (the foundation's output workload_identity_provider)");
            serviceAccount = Required(environment, ServiceAccountVariable, ServiceAccountEmail(),
                "<name>@<project>.iam.gserviceaccount.com (the foundation's output deployer_service_account)");
        }

        RequireAudience(idToken, provider);
        RequireProtected(idToken);
        return (idToken, provider, serviceAccount);
    }

    /// <summary>
    /// In a pipeline the job's ID token is the only way to Google Cloud: without it the build would fall back to an
    /// inherited GOOGLE_APPLICATION_CREDENTIALS or CLOUDSDK_CONFIG, which a pipeline variable can point at someone
    /// else's external_account file (a token_url on their host, a credential_source reading any file of the runner).
    /// </summary>
    public static void RequireIdTokenInPipeline(bool pipeline, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if ((pipeline || CiJobMarkers.Present(environment)) && string.IsNullOrWhiteSpace(environment(IdTokenVariable)))
        {
            throw new CloudConfigurationException(
                $"{IdTokenVariable} is not set or empty: in a pipeline the build reaches Google Cloud only with the job's OIDC token, never with an inherited {GoogleCredentialFile.Variable} or CLOUDSDK_CONFIG; "
                + $"declare it in the job's id_tokens ({IdTokenVariable}: aud: https://iam.googleapis.com/<workload identity provider>), as the generated jobs do. Nothing was run.");
        }
    }

    /// <summary>Removes both files (the ID token is valid for the job's lifetime; a shell runner keeps the work tree).</summary>
    public static void Delete(string temporaryDirectory)
    {
        var directory = DirectoryUnder(temporaryDirectory);
        foreach (var name in new[] { SubjectTokenFileName, CredentialsFileName })
        {
            File.Delete(Path.Combine(directory, name));
        }
    }

    /// <summary>The committed value; a variable may repeat it, never name another.</summary>
    private static string Repeating(Func<string, string?> environment, string variable, string expected, CommittedDeployer committed)
    {
        var given = environment(variable)?.Trim();
        return string.IsNullOrEmpty(given) || given == expected
            ? expected
            : throw new CloudConfigurationException(
                $"{variable} is '{given}' but {committed.VarFile} makes stage {committed.Stage}'s {(variable == ProviderVariable ? "Workload Identity provider" : "deployer")} '{expected}'; "
                + $"unset it or set it to '{expected}' (a pipeline variable may not choose the credential source). Nothing was requested.");
    }

    /// <summary>
    /// The job's id_tokens aud is built from the CI/CD variable GCP_WORKLOAD_IDENTITY_PROVIDER; STS would refuse a token
    /// for another audience with a bare invalid_grant, so an unset or different variable is named here. A token that is
    /// not a readable JWT is left to STS to judge.
    /// </summary>
    private static void RequireAudience(string idToken, string provider)
    {
        var expected = Audience(provider);
        if (Audiences(idToken) is { } audiences && !audiences.Contains(expected, StringComparer.Ordinal))
        {
            throw new CloudConfigurationException(
                $"{IdTokenVariable} was issued for aud '{string.Join(", ", audiences)}' but the Workload Identity provider accepts '{expected}'; "
                + $"set the CI/CD variable {ProviderVariable} to '{provider}' (the job's id_tokens aud is built from it). Nothing was requested.");
        }
    }

    private static List<string>? Audiences(string jwt) => Payload(jwt)?["aud"] switch
    {
        JsonValue value when value.TryGetValue<string>(out var single) => [single],
        JsonArray array => [.. array.OfType<JsonValue>().Select(item => item.TryGetValue<string>(out var text) ? text : null).OfType<string>()],
        _ => null,
    };

    /// <summary>
    /// The provider's condition wants a protected ref and a protected environment. GitLab says in the token whether
    /// they are; a "false" there means STS would answer only "rejected by the attribute condition", so the reason is
    /// named here, with what to do. GitLab Free has no protected environments at all: every token says "false".
    /// </summary>
    private static void RequireProtected(string idToken)
    {
        var payload = Payload(idToken);
        if (Claim(payload, "environment_protected") == "false")
        {
            throw new CloudConfigurationException(
                $"{IdTokenVariable} says GitLab environment '{Claim(payload, "environment")}' is not protected, and the Workload Identity condition admits only protected environments; "
                + "protect it under Settings > CI/CD > Protected environments (GitLab Premium or Ultimate: GitLab Free has none, so there no job can act as the deployer). Nothing was requested.");
        }

        if (Claim(payload, "ref_protected") == "false")
        {
            throw new CloudConfigurationException(
                $"{IdTokenVariable} says ref '{Claim(payload, "ref")}' is not protected, and the Workload Identity condition admits only protected branches and tags; "
                + "deploy from a protected branch (Settings > Repository > Protected branches). Nothing was requested.");
        }
    }

    private static string? Claim(JsonObject? payload, string name) =>
        payload?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The JWT's claims, unverified (STS verifies them); null when it is not a readable JWT.</summary>
    private static JsonObject? Payload(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload))) as JsonObject;
        }
        catch (Exception error) when (error is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static string Required(Func<string, string?> environment, string variable, Regex format, string allowed)
    {
        var value = environment(variable)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            throw new CloudConfigurationException($"{IdTokenVariable} is set but {variable} is not; set the CI/CD variable {variable} to {allowed}");
        }

        return format.IsMatch(value) ? value : throw new CloudConfigurationException($"{variable}={value}: expected {allowed}");
    }

    [GeneratedRegex("^projects/[0-9]+/locations/global/workloadIdentityPools/[a-z0-9-]{4,32}/providers/[a-z0-9-]{4,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderName();

    [GeneratedRegex("^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\\.iam\\.gserviceaccount\\.com$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceAccountEmail();
}
