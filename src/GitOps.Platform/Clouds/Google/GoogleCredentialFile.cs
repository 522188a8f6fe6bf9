using System.Security.Cryptography;
using System.Text.Json;

namespace GitOps.Platform.Clouds.Google;

/// <summary>
/// Where Google application default credentials come from, in the order Google's client libraries use:
/// GOOGLE_APPLICATION_CREDENTIALS, else the file <c>gcloud auth application-default login</c> writes. In GitLab CI the
/// build writes an external_account file from the job's OIDC token (<see cref="WorkloadIdentityCredentials"/>).
/// </summary>
public static class GoogleCredentialFile
{
    public const string Variable = "GOOGLE_APPLICATION_CREDENTIALS";

    private const string WellKnownName = "application_default_credentials.json";

    /// <summary>The credentials file to use; a one-line <see cref="CloudConfigurationException"/> when there is none.</summary>
    public static string Locate(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(Variable) is { Length: > 0 } configured)
        {
            if (!File.Exists(configured))
            {
                throw new CloudConfigurationException($"{Variable}={configured}: {(Directory.Exists(configured) ? "is a directory" : "file not found")}; {Allowed}");
            }

            // Checked here, before terraform starts: its Go parser would fail later, with exit 1 and a message about JSON.
            var full = Path.GetFullPath(configured);
            if (Problem(full) is { } problem)
            {
                throw new CloudConfigurationException($"{Variable}={configured}: {problem}; {Allowed}");
            }

            return full;
        }

        var wellKnown = WellKnownPath(environment);
        return wellKnown is not null && File.Exists(wellKnown)
            ? wellKnown
            : throw new CloudConfigurationException(
                $"No Google credentials: run 'gcloud auth application-default login' (writes {wellKnown ?? WellKnownName}) or set {Variable}; "
                + $"in GitLab CI the build makes them from the job's OIDC token {WorkloadIdentityCredentials.IdTokenVariable}")
            {
                IsUnset = true,
            };
    }

    private const string Allowed =
        "point it at a Google credentials JSON file of type service_account, authorized_user, external_account or impersonated_service_account, "
        + "or unset it to use gcloud's application default credentials";

    private const long MaximumLength = 1024 * 1024;

    // The string fields each type needs (object fields: credential_source, source_credentials), as Google's libraries read them.
    private static readonly Dictionary<string, string[]> RequiredFields = new(StringComparer.Ordinal)
    {
        ["service_account"] = ["client_email", "private_key"],
        ["authorized_user"] = ["client_id", "client_secret", "refresh_token"],
        ["external_account"] = ["audience", "subject_token_type", "{credential_source"],
        ["impersonated_service_account"] = ["service_account_impersonation_url", "{source_credentials"],
    };

    /// <summary>What is wrong with the file, in words that never quote it (it holds keys); null when it has a usable shape.</summary>
    private static string? Problem(string path)
    {
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaximumLength)
            {
                return "is larger than 1 MiB, too large for a credentials file";
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return "cannot be read (" + (error is UnauthorizedAccessException ? "permission denied" : "I/O error") + ")";
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return $"holds a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object";
            }

            if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                return "has no \"type\" string";
            }

            var type = typeElement.GetString()!;
            if (!RequiredFields.TryGetValue(type, out var fields))
            {
                // The type names a kind of credential, not a secret; cut short in case the file is something else entirely.
                return $"has \"type\": \"{(type.Length > 40 ? type[..40] + "…" : type)}\", which is not a credential type the build can use";
            }

            var missing = fields.Where(field => field.StartsWith('{')
                    ? !root.TryGetProperty(field[1..], out var nested) || nested.ValueKind != JsonValueKind.Object
                    : !root.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
                .Select(field => field.TrimStart('{'))
                .ToList();
            if (missing.Count > 0)
            {
                return $"is of type {type} but has no {string.Join(", ", missing)}";
            }

            return type == "service_account" && KeyProblem(root.GetProperty("private_key").GetString()!) is { } keyProblem
                ? $"is of type service_account but its private_key {keyProblem}"
                : null;
        }
        catch (JsonException error)
        {
            return $"is not valid JSON (line {(error.LineNumber ?? 0) + 1})";
        }
    }

    /// <summary>
    /// What Google's libraries and terraform's provider need of a service account key: an RSA private key in PEM, PKCS #8
    /// as Google issues it or PKCS #1. Terraform would fail on it later, in words about its Go parser; the words here
    /// say what is wrong and never quote the key (nor the parser's message, which might).
    /// </summary>
    private static string? KeyProblem(string key)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(key);
            _ = rsa.ExportParameters(includePrivateParameters: true);
            return null;
        }
        catch (ArgumentException) when (!key.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return "holds no PEM private key (-----BEGIN PRIVATE KEY-----)";
        }
        catch (ArgumentException)
        {
            // A PEM block that is cut short or not base64 inside.
            return "is not a readable RSA private key (PKCS #8 or PKCS #1, as Google issues them)";
        }
        catch (CryptographicException) when (key.Contains("PUBLIC KEY-----", StringComparison.Ordinal))
        {
            return "is a public key, not a private key";
        }
        catch (CryptographicException)
        {
            return "is not a readable RSA private key (PKCS #8 or PKCS #1, as Google issues them)";
        }
    }

    /// <summary>gcloud's ADC file: $CLOUDSDK_CONFIG, else %APPDATA%\gcloud on Windows and ~/.config/gcloud elsewhere.</summary>
    private static string? WellKnownPath(Func<string, string?> environment)
    {
        if (environment("CLOUDSDK_CONFIG") is { Length: > 0 } configDirectory)
        {
            return Path.Combine(configDirectory, WellKnownName);
        }

        if (OperatingSystem.IsWindows())
        {
            return environment("APPDATA") is { Length: > 0 } appData ? Path.Combine(appData, "gcloud", WellKnownName) : null;
        }

        return environment("HOME") is { Length: > 0 } home ? Path.Combine(home, ".config", "gcloud", WellKnownName) : null;
    }
}
