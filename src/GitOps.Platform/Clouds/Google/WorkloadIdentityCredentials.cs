using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GitOps.Targets.Output;

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
    /// job. Missing or malformed provider or service account settings are one-line usage errors naming the variable.
    /// </summary>
    public static async Task<string?> WriteAsync(
        string temporaryDirectory, Func<string, string?> environment, ISecretRegistry secrets, CancellationToken cancellationToken, GoogleEndpoints? endpoints = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(secrets);
        if (environment(IdTokenVariable) is not { Length: > 0 } idToken)
        {
            return null;
        }

        secrets.Register(idToken);
        var provider = Required(environment, ProviderVariable, ProviderName(),
            "projects/<project number>/locations/global/workloadIdentityPools/<pool>/providers/<provider> (the foundation's output workload_identity_provider)");
        var serviceAccount = Required(environment, ServiceAccountVariable, ServiceAccountEmail(),
            "<name>@<project>.iam.gserviceaccount.com (the foundation's output deployer_service_account)");
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

    /// <summary>Removes both files (the ID token is valid for the job's lifetime; a shell runner keeps the work tree).</summary>
    public static void Delete(string temporaryDirectory)
    {
        var directory = DirectoryUnder(temporaryDirectory);
        foreach (var name in new[] { SubjectTokenFileName, CredentialsFileName })
        {
            File.Delete(Path.Combine(directory, name));
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
