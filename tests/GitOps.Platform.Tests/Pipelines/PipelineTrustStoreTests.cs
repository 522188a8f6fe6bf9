using GitOps.Platform.Pipelines;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Tests.Pipelines;

/// <summary>
/// In a pipeline the build's own TLS trusts only the image's store: a trust store where a file-type pipeline variable
/// lands (the builds directory, <c>&lt;project&gt;.tmp/&lt;NAME&gt;</c>, or the temporary directory) stops it at start.
/// </summary>
public sealed class PipelineTrustStoreTests : IDisposable
{
    private readonly string builds = Directory.CreateTempSubdirectory("gitops-builds-").FullName;

    private string Checkout => Path.Combine(builds, "eurodat-trustee-iac");

    public void Dispose() => Directory.Delete(builds, recursive: true);

    [Theory]
    [InlineData("SSL_CERT_FILE")]
    [InlineData("SSL_CERT_DIR")]
    public void In_a_pipeline_a_trust_store_written_as_a_file_type_variable_is_refused_in_one_line_naming_it(string variable)
    {
        var fileVariable = Path.Combine(builds, "eurodat-trustee-iac.tmp", "INTERCEPTOR_CA");
        var environment = new Dictionary<string, string?> { [variable] = fileVariable, ["HTTPS_PROXY"] = "http://127.0.0.1:3128" };

        var failure = Should.Throw<UsageException>(() => PipelineTrustStore.ThrowIfAltered(inPipeline: true, Checkout, environment.GetValueOrDefault));

        failure.Message.ShouldStartWith($"{variable} points into the builds or temporary directory, where a file-type pipeline variable is written");
        failure.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void A_link_from_elsewhere_into_the_builds_directory_and_the_temporary_directory_are_refused_too()
    {
        var ca = Path.Combine(builds, "eurodat-trustee-iac.tmp", "CA");
        Directory.CreateDirectory(Path.GetDirectoryName(ca)!);
        File.WriteAllText(ca, "-----BEGIN CERTIFICATE-----\nMIIcanary-ca-5d1e\n-----END CERTIFICATE-----\n");
        var outside = Directory.CreateTempSubdirectory("gitops-etc-").FullName;
        try
        {
            var link = Path.Combine(outside, "ca.pem");
            File.CreateSymbolicLink(link, ca);
            Should.Throw<UsageException>(() => PipelineTrustStore.ThrowIfAltered(true, Checkout, new Dictionary<string, string?> { ["SSL_CERT_FILE"] = link }.GetValueOrDefault))
                .Message.ShouldNotContain("canary-ca-5d1e");
            Should.Throw<UsageException>(() => PipelineTrustStore.ThrowIfAltered(true, "/work/repo", new Dictionary<string, string?> { ["SSL_CERT_DIR"] = Path.GetTempPath() }.GetValueOrDefault));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void The_images_own_store_locally_anything_and_in_a_pipeline_a_proxy_alone_are_accepted()
    {
        PipelineTrustStore.ThrowIfAltered(inPipeline: true, Checkout, new Dictionary<string, string?>
        {
            ["SSL_CERT_FILE"] = "/etc/ssl/certs/ca-certificates.crt", ["SSL_CERT_DIR"] = "/etc/ssl/certs",
            ["HTTPS_PROXY"] = "http://proxy:3128", ["HTTP_PROXY"] = "http://proxy:3128", ["ALL_PROXY"] = "http://proxy:3128", ["NO_PROXY"] = "localhost",
        }.GetValueOrDefault);
        PipelineTrustStore.ThrowIfAltered(inPipeline: false, Checkout, new Dictionary<string, string?> { ["SSL_CERT_FILE"] = Path.Combine(builds, "x.tmp", "CA") }.GetValueOrDefault);
    }
}
