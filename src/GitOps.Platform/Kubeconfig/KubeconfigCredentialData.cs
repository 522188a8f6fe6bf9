using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace GitOps.Platform.Kubeconfig;

/// <summary>
/// The kubeconfig fields that hold base64-encoded PEM (<c>certificate-authority-data</c>, <c>client-certificate-data</c>,
/// <c>client-key-data</c>): what is wrong with one, in words, without ever quoting it (a client key is a credential).
/// </summary>
internal static class KubeconfigCredentialData
{
    private const string Hint = "(as kubectl config view --raw shows)";

    private static readonly string[] KeyLabels = ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"];

    /// <summary>Null when <paramref name="value"/> is base64 of a PEM certificate; else the problem, naming <paramref name="field"/>.</summary>
    public static string? CertificateProblem(string field, string value) =>
        Decode(value) is not { } pem ? $"{field} is not base64; it must be a base64-encoded PEM certificate {Hint}"
        : IsCertificate(pem) ? null
        : $"{field} is not a PEM certificate once decoded; it must be a base64-encoded PEM certificate {Hint}";

    /// <summary>Null when <paramref name="value"/> is base64 of a PEM private key (PKCS#8, RSA or EC); else the problem.</summary>
    public static string? KeyProblem(string field, string value) =>
        Decode(value) is not { } pem ? $"{field} is not base64; it must be a base64-encoded PEM private key {Hint}"
        : IsPrivateKey(pem) ? null
        : $"{field} is not a PEM private key once decoded; it must be a base64-encoded PEM private key {Hint}";

    private static string? Decode(string value)
    {
        var bytes = new byte[value.Length];
        if (!Convert.TryFromBase64String(value.Trim(), bytes, out var length))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return string.Empty; // base64 of binary (DER, say): not PEM
        }
    }

    private static bool IsCertificate(string pem)
    {
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] is not "CERTIFICATE")
        {
            return false;
        }

        try
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool IsPrivateKey(string pem)
    {
        if (!PemEncoding.TryFind(pem, out var fields) || !KeyLabels.Contains(pem[fields.Label].ToString()))
        {
            return false;
        }

        // The client accepts RSA and EC keys; a PKCS#8 "PRIVATE KEY" may be either.
        return Imports(RSA.Create, pem) || Imports(ECDsa.Create, pem);
    }

    private static bool Imports<T>(Func<T> create, string pem)
        where T : AsymmetricAlgorithm
    {
        using var algorithm = create();
        try
        {
            algorithm.ImportFromPem(pem);
            return true;
        }
        catch (Exception error) when (error is CryptographicException or ArgumentException)
        {
            return false;
        }
    }
}
