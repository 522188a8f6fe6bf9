using GitOps.Platform.Pipelines;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Tests.Pipelines;

/// <summary>In a pipeline the build's own TLS trusts only the system store: a variable adding a CA stops it at start.</summary>
public sealed class PipelineTrustStoreTests
{
    private const string CaCanary = "-----BEGIN CERTIFICATE-----\nMIIcanary-ca-5d1e\n-----END CERTIFICATE-----";

    [Theory]
    [InlineData("SSL_CERT_FILE")]
    [InlineData("SSL_CERT_DIR")]
    public void In_a_pipeline_a_variable_adding_trust_anchors_is_refused_in_one_line_naming_it(string variable)
    {
        var environment = new Dictionary<string, string?> { [variable] = "/builds/tmp/interceptor-ca.pem", ["HTTPS_PROXY"] = "http://127.0.0.1:3128" };

        var failure = Should.Throw<UsageException>(() => PipelineTrustStore.ThrowIfAltered(inPipeline: true, environment.GetValueOrDefault));

        failure.Message.ShouldStartWith($"{variable} is set: in a pipeline the build trusts only the system's certificate store");
        failure.Message.ShouldNotContain("\n");
        failure.Message.ShouldNotContain("interceptor-ca.pem");
    }

    [Fact]
    public void Both_are_named_when_both_are_set()
    {
        var environment = new Dictionary<string, string?> { ["SSL_CERT_FILE"] = CaCanary, ["SSL_CERT_DIR"] = "/tmp" };

        var failure = Should.Throw<UsageException>(() => PipelineTrustStore.ThrowIfAltered(inPipeline: true, environment.GetValueOrDefault));

        failure.Message.ShouldStartWith("SSL_CERT_FILE and SSL_CERT_DIR are set:");
        failure.Message.ShouldNotContain("canary-ca-5d1e");
    }

    [Fact]
    public void Locally_a_corporate_ca_bundle_and_in_a_pipeline_a_proxy_alone_are_accepted()
    {
        PipelineTrustStore.ThrowIfAltered(inPipeline: false, new Dictionary<string, string?> { ["SSL_CERT_FILE"] = "/etc/corp-ca.pem" }.GetValueOrDefault);
        PipelineTrustStore.ThrowIfAltered(inPipeline: true, new Dictionary<string, string?>
        {
            ["HTTPS_PROXY"] = "http://proxy:3128", ["HTTP_PROXY"] = "http://proxy:3128", ["ALL_PROXY"] = "http://proxy:3128", ["NO_PROXY"] = "localhost",
        }.GetValueOrDefault);
    }
}
