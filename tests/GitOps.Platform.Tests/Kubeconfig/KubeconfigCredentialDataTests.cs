using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using GitOps.Platform.Kubeconfig;
using GitOps.Platform.Kubernetes;

namespace GitOps.Platform.Tests.Kubeconfig;

/// <summary>
/// The base64 PEM fields of a kubeconfig (issue 13 review): a mistyped or truncated one passed the check, and the
/// Kubernetes client then failed with a FormatException or CryptographicException and no file. Refused at file:line,
/// never quoting the value.
/// </summary>
public sealed class KubeconfigCredentialDataTests : IDisposable
{
    private const string Canary = "canary-credential-data";

    private static readonly (string Certificate, string Key) Pair = CreatePair();

    private readonly string directory = Directory.CreateTempSubdirectory("gitops-kubeconfig-data-").FullName;

    private string PathOf => Path.Combine(directory, "kubeconfig");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_kubeconfig_with_a_real_certificate_authority_and_client_pair_passes_and_builds_a_client()
    {
        File.WriteAllText(PathOf, Kubeconfig(Base64(Pair.Certificate), Base64(Pair.Certificate), Base64(Pair.Key)));

        KubeconfigFile.Validate(PathOf);
        using var client = KubernetesClientFactory.FromKubeconfig(PathOf);
        client.BaseUri.ToString().ShouldBe("https://127.0.0.1:6443/");
    }

    [Theory]
    [InlineData("authority", "not-base64", 6, "cluster 'fake': certificate-authority-data is not base64; it must be a base64-encoded PEM certificate (as kubectl config view --raw shows)")]
    [InlineData("authority", "text", 6, "cluster 'fake': certificate-authority-data is not a PEM certificate once decoded; it must be a base64-encoded PEM certificate (as kubectl config view --raw shows)")]
    [InlineData("certificate", "not-base64", 17, "user 'fake': client-certificate-data is not base64; it must be a base64-encoded PEM certificate (as kubectl config view --raw shows)")]
    [InlineData("certificate", "text", 17, "user 'fake': client-certificate-data is not a PEM certificate once decoded; it must be a base64-encoded PEM certificate (as kubectl config view --raw shows)")]
    [InlineData("certificate", "key", 17, "user 'fake': client-certificate-data is not a PEM certificate once decoded; it must be a base64-encoded PEM certificate (as kubectl config view --raw shows)")]
    [InlineData("key", "not-base64", 18, "user 'fake': client-key-data is not base64; it must be a base64-encoded PEM private key (as kubectl config view --raw shows)")]
    [InlineData("key", "text", 18, "user 'fake': client-key-data is not a PEM private key once decoded; it must be a base64-encoded PEM private key (as kubectl config view --raw shows)")]
    [InlineData("key", "certificate", 18, "user 'fake': client-key-data is not a PEM private key once decoded; it must be a base64-encoded PEM private key (as kubectl config view --raw shows)")]
    [InlineData("key", "broken-key", 18, "user 'fake': client-key-data is not a PEM private key once decoded; it must be a base64-encoded PEM private key (as kubectl config view --raw shows)")]
    public void A_credential_field_that_is_not_base64_pem_is_refused_at_its_line_without_its_value(string field, string shape, int line, string expected)
    {
        var bad = shape switch
        {
            "not-base64" => $"{Canary}!!",
            "text" => Base64(Canary),
            "key" => Base64(Pair.Key),
            "certificate" => Base64(Pair.Certificate),
            _ => Base64($"-----BEGIN PRIVATE KEY-----\n{Convert.ToBase64String(Encoding.ASCII.GetBytes(Canary))}\n-----END PRIVATE KEY-----\n"),
        };
        File.WriteAllText(PathOf, Kubeconfig(
            field == "authority" ? bad : Base64(Pair.Certificate),
            field == "certificate" ? bad : Base64(Pair.Certificate),
            field == "key" ? bad : Base64(Pair.Key)));

        var error = Should.Throw<KubeconfigException>(() => KubeconfigFile.Validate(PathOf));

        error.Message.ShouldBe($"{PathOf}:{line}: {expected}");
        error.Message.ShouldNotContain(Canary);
        error.Message.ShouldNotContain(bad);
    }

    private static string Kubeconfig(string authority, string certificate, string key) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: fake
          cluster:
            certificate-authority-data: {authority}
            server: https://127.0.0.1:6443
        contexts:
        - name: fake
          context:
            cluster: fake
            user: fake
        current-context: fake
        users:
        - name: fake
          user:
            client-certificate-data: {certificate}
            client-key-data: {key}
        """;

    private static string Base64(string text) => Convert.ToBase64String(Encoding.ASCII.GetBytes(text));

    private static (string Certificate, string Key) CreatePair()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=gitops-test", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
