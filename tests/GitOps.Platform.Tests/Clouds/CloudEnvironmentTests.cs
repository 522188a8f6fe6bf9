using GitOps.Platform.Clouds;

namespace GitOps.Platform.Tests.Clouds;

public sealed class CloudEnvironmentTests : IDisposable
{
    private readonly ICloudProvider gcp = CloudProviders.Get("gcp");
    private readonly DirectoryInfo home = Directory.CreateTempSubdirectory("gitops-home-");

    [Fact]
    public void Google_needs_no_variable_because_gclouds_application_default_credentials_file_is_enough()
    {
        var adc = Path.Combine(home.FullName, ".config", "gcloud", "application_default_credentials.json");
        Directory.CreateDirectory(Path.GetDirectoryName(adc)!);
        File.WriteAllText(adc, "{}");
        var environment = new Dictionary<string, string> { ["HOME"] = home.FullName };

        CloudEnvironment.Missing(gcp, environment.GetValueOrDefault).ShouldBeEmpty();
        Should.NotThrow(() => CloudEnvironment.Require(gcp, environment.GetValueOrDefault));
    }

    [Fact]
    public void A_credentials_file_named_by_GOOGLE_APPLICATION_CREDENTIALS_passes()
    {
        var file = Path.Combine(home.FullName, "credentials.json");
        File.WriteAllText(file, """{"type": "authorized_user", "client_id": "id", "client_secret": "secret", "refresh_token": "token"}""");
        var environment = new Dictionary<string, string> { ["GOOGLE_APPLICATION_CREDENTIALS"] = file };

        Should.NotThrow(() => CloudEnvironment.Require(gcp, environment.GetValueOrDefault));
    }

    [Fact]
    public void No_credentials_at_all_say_how_to_get_them_locally_and_in_ci()
    {
        var failure = Should.Throw<CloudConfigurationException>(
            () => CloudEnvironment.Require(gcp, name => name == "HOME" ? home.FullName : null));

        failure.Message.ShouldBe(
            $"No Google credentials: run 'gcloud auth application-default login' (writes {home.FullName}/.config/gcloud/application_default_credentials.json) "
            + "or set GOOGLE_APPLICATION_CREDENTIALS; in GitLab CI the build makes them from the job's OIDC token GCP_ID_TOKEN");
    }

    [Fact]
    public void A_GOOGLE_APPLICATION_CREDENTIALS_pointing_nowhere_is_named()
    {
        var failure = Should.Throw<CloudConfigurationException>(
            () => CloudEnvironment.Require(gcp, name => name == "GOOGLE_APPLICATION_CREDENTIALS" ? "/nowhere/key.json" : null));

        failure.Message.ShouldBe(
            "GOOGLE_APPLICATION_CREDENTIALS=/nowhere/key.json: file not found; point it at a Google credentials JSON file of type service_account, "
            + "authorized_user, external_account or impersonated_service_account, or unset it to use gcloud's application default credentials");
    }

    private const string Canary = "canary-8b1f0c4e-private-key";

    /// <summary>
    /// Before this check the path passed, and terraform failed later with exit 1 and its Go JSON parser's error. The file
    /// holds keys: the message names variable and file and what is wrong, and never quotes the file.
    /// </summary>
    [Theory]
    [InlineData("directory", null, "is a directory")]
    [InlineData("not-json", "-----BEGIN PRIVATE KEY-----\n" + Canary + "\n", "is not valid JSON (line 1)")]
    [InlineData("truncated", "{\"type\": \"service_account\",\n \"private_key\": \"" + Canary, "is not valid JSON (line 2)")]
    [InlineData("array", "[\"" + Canary + "\"]", "holds a JSON array, not an object")]
    [InlineData("no-type", "{\"private_key\": \"" + Canary + "\"}", "has no \"type\" string")]
    [InlineData("type-not-a-string", "{\"type\": 7, \"private_key\": \"" + Canary + "\"}", "has no \"type\" string")]
    [InlineData("unknown-type", "{\"type\": \"api_key\", \"key\": \"" + Canary + "\"}", "has \"type\": \"api_key\", which is not a credential type the build can use")]
    [InlineData("key-missing", "{\"type\": \"service_account\", \"client_email\": \"a@b.iam.gserviceaccount.com\", \"private_key_id\": \"" + Canary + "\"}", "is of type service_account but has no private_key")]
    [InlineData("key-of-wrong-type", "{\"type\": \"service_account\", \"client_email\": \"a@b\", \"private_key\": [\"" + Canary + "\"]}", "is of type service_account but has no private_key")]
    [InlineData("key-not-pem", "{\"type\": \"service_account\", \"client_email\": \"a@b.iam.gserviceaccount.com\", \"private_key\": \"" + Canary + "\"}", "is of type service_account but its private_key holds no PEM private key (-----BEGIN PRIVATE KEY-----)")]
    [InlineData("key-pem-cut", "{\"type\": \"service_account\", \"client_email\": \"a@b.iam.gserviceaccount.com\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n" + Canary + "\"}", "is of type service_account but its private_key is not a readable RSA private key (PKCS #8 or PKCS #1, as Google issues them)")]
    [InlineData("key-pem-junk", "{\"type\": \"service_account\", \"client_email\": \"a@b.iam.gserviceaccount.com\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nY2FuYXJ5LThiMWYwYzRlLXByaXZhdGUta2V5\\n-----END PRIVATE KEY-----\\n\"}", "is of type service_account but its private_key is not a readable RSA private key (PKCS #8 or PKCS #1, as Google issues them)")]
    [InlineData("key-public", "{\"type\": \"service_account\", \"client_email\": \"a@b.iam.gserviceaccount.com\", \"private_key\": \"" + PublicKeyPlaceholder + "\"}", "is of type service_account but its private_key is a public key, not a private key")]
    [InlineData("source-not-an-object", "{\"type\": \"external_account\", \"audience\": \"a\", \"subject_token_type\": \"t\", \"credential_source\": \"" + Canary + "\"}", "is of type external_account but has no credential_source")]
    public void A_malformed_GOOGLE_APPLICATION_CREDENTIALS_file_is_one_line_naming_variable_and_file_and_never_its_contents(string name, string? content, string problem)
    {
        var file = Path.Combine(home.FullName, name + ".json");
        if (content is null)
        {
            Directory.CreateDirectory(file);
        }
        else
        {
            File.WriteAllText(file, content.Replace(PublicKeyPlaceholder, PublicKeyPem(), StringComparison.Ordinal));
        }

        var failure = Should.Throw<CloudConfigurationException>(
            () => CloudEnvironment.Require(gcp, variable => variable == "GOOGLE_APPLICATION_CREDENTIALS" ? file : null));

        failure.Message.ShouldBe(
            $"GOOGLE_APPLICATION_CREDENTIALS={file}: {problem}; point it at a Google credentials JSON file of type service_account, "
            + "authorized_user, external_account or impersonated_service_account, or unset it to use gcloud's application default credentials");
        failure.Message.ShouldNotContain(Canary);
        failure.Message.ShouldNotContain("\n");
    }

    /// <summary>A key as Google issues it (PKCS #8 PEM) passes: the check must not refuse what terraform accepts.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_service_account_file_with_a_readable_private_key_passes(bool pkcs8)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var file = Path.Combine(home.FullName, "key.json");
        File.WriteAllText(file, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["client_email"] = "deployer@project.iam.gserviceaccount.com",
            ["private_key"] = pkcs8 ? rsa.ExportPkcs8PrivateKeyPem() : rsa.ExportRSAPrivateKeyPem(),
        }));

        Should.NotThrow(() => CloudEnvironment.Require(gcp, variable => variable == "GOOGLE_APPLICATION_CREDENTIALS" ? file : null));
    }

    private const string PublicKeyPlaceholder = "PUBLIC-KEY-PEM";

    private static string PublicKeyPem()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        return rsa.ExportSubjectPublicKeyInfoPem().Replace("\n", "\\n", StringComparison.Ordinal);
    }

    public void Dispose() => home.Delete(recursive: true);
}
