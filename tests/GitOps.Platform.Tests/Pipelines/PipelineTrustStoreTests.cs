using GitOps.Platform.Pipelines;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Tests.Pipelines;

/// <summary>
/// In a pipeline the build's own TLS trusts only the image's store: SSL_CERT_FILE and every element of SSL_CERT_DIR,
/// links resolved, must lie in a system trust location; a file-type variable in the builds directory, a path through
/// /proc or a list element elsewhere stops it at start.
/// </summary>
public sealed class PipelineTrustStoreTests : IDisposable
{
    private readonly string builds = Directory.CreateTempSubdirectory("gitops-builds-").FullName;

    public void Dispose() => Directory.Delete(builds, recursive: true);

    private string FileVariable()
    {
        var ca = Path.Combine(builds, "eurodat-trustee-iac.tmp", "EVIL_CA");
        Directory.CreateDirectory(Path.GetDirectoryName(ca)!);
        File.WriteAllText(ca, "-----BEGIN CERTIFICATE-----\nMIIcanary-ca-5d1e\n-----END CERTIFICATE-----\n");
        return ca;
    }

    private static void ShouldRefuse(string variable, string value)
    {
        var failure = Should.Throw<UsageException>(() => PipelineTrustStore.ThrowIfAltered(inPipeline: true, new Dictionary<string, string?> { [variable] = value }.GetValueOrDefault));
        failure.Message.ShouldStartWith($"{variable} names a certificate store outside the system trust locations");
        failure.Message.ShouldNotContain("\n");
        failure.Message.ShouldNotContain("canary-ca-5d1e");
    }

    [Theory]
    [InlineData("SSL_CERT_FILE")]
    [InlineData("SSL_CERT_DIR")]
    public void A_file_type_variable_in_the_builds_directory_is_refused_in_one_line_naming_the_variable(string variable) =>
        ShouldRefuse(variable, FileVariable());

    [Fact]
    public void The_file_variable_reached_through_proc_self_root_is_refused() =>
        ShouldRefuse("SSL_CERT_FILE", "/proc/self/root" + FileVariable());

    [Fact]
    public void A_second_element_of_SSL_CERT_DIR_in_the_builds_directory_is_refused() =>
        ShouldRefuse("SSL_CERT_DIR", "/etc/ssl/certs:" + Path.GetDirectoryName(FileVariable()));

    [Fact]
    public void Proc_self_environ_which_needs_only_a_variable_holding_a_PEM_is_refused() =>
        ShouldRefuse("SSL_CERT_FILE", "/proc/self/environ");

    [Fact]
    public void A_link_in_front_of_dot_dot_and_a_link_from_elsewhere_are_resolved_before_judging()
    {
        var outside = Directory.CreateTempSubdirectory("gitops-etc-").FullName;
        try
        {
            var ca = FileVariable();
            var link = Path.Combine(outside, "ca.pem");
            File.CreateSymbolicLink(link, ca);
            ShouldRefuse("SSL_CERT_FILE", link);
            var directoryLink = Path.Combine(outside, "dir");
            Directory.CreateSymbolicLink(directoryLink, Path.GetDirectoryName(ca)!);
            ShouldRefuse("SSL_CERT_DIR", directoryLink + "/../" + Path.GetFileName(Path.GetDirectoryName(ca)));
            ShouldRefuse("SSL_CERT_DIR", Path.GetTempPath());
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void The_images_own_store_locally_anything_and_in_a_pipeline_a_proxy_alone_are_accepted()
    {
        PipelineTrustStore.ThrowIfAltered(inPipeline: true, new Dictionary<string, string?>
        {
            ["SSL_CERT_FILE"] = "/etc/ssl/certs/ca-certificates.crt", ["SSL_CERT_DIR"] = "/etc/ssl/certs",
            ["HTTPS_PROXY"] = "http://proxy:3128", ["HTTP_PROXY"] = "http://proxy:3128", ["ALL_PROXY"] = "http://proxy:3128", ["NO_PROXY"] = "localhost",
        }.GetValueOrDefault);
        PipelineTrustStore.ThrowIfAltered(inPipeline: true, new Dictionary<string, string?> { ["SSL_CERT_DIR"] = "/etc/ssl/certs:/etc/pki/tls/certs" }.GetValueOrDefault);
        PipelineTrustStore.ThrowIfAltered(inPipeline: true, new Dictionary<string, string?>().GetValueOrDefault);
        PipelineTrustStore.ThrowIfAltered(inPipeline: false, new Dictionary<string, string?> { ["SSL_CERT_FILE"] = FileVariable() }.GetValueOrDefault);
    }
}
