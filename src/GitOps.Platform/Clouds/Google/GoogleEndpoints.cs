namespace GitOps.Platform.Clouds.Google;

/// <summary>
/// The Google endpoints a Workload Identity Federation credential file names: Security Token Service and IAM
/// Credentials. Tests put loopback stand-ins here; the build always uses <see cref="Google"/>.
/// </summary>
public sealed record GoogleEndpoints(Uri SecurityTokenService, Uri IamCredentials)
{
    public static GoogleEndpoints Google { get; } = new(new Uri("https://sts.googleapis.com/v1/token"), new Uri("https://iamcredentials.googleapis.com/"));

    /// <summary>POST target of generateAccessToken for <paramref name="serviceAccount"/> (the "-" project is required).</summary>
    public Uri GenerateAccessToken(string serviceAccount) =>
        new(IamCredentials, $"v1/projects/-/serviceAccounts/{Uri.EscapeDataString(serviceAccount)}:generateAccessToken");
}
