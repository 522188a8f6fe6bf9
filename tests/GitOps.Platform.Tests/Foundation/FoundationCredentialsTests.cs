using GitOps.Platform.Clouds.Google;
using GitOps.Platform.Foundation;
using GitOps.Targets.Errors;

namespace GitOps.Platform.Tests.Foundation;

/// <summary>
/// ProvisionFoundation checks its Google credentials with its requirements, as the cluster targets do (one line, a
/// usage error, before terraform runs, never quoting the file); in a pipeline only the job's OIDC token counts.
/// </summary>
public sealed class FoundationCredentialsTests : IDisposable
{
    private const string Canary = "canary-private-key-7f3a";

    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("gitops-foundation-credentials-");

    public void Dispose() => temp.Delete(recursive: true);

    [Theory]
    [InlineData("not json " + Canary, "is not valid JSON (line 1)")]
    [InlineData("[\"" + Canary + "\"]", "holds a JSON array, not an object")]
    [InlineData("{\"type\":\"service_account\",\"private_key\":\"" + Canary + "\"}", "is of type service_account but has no client_email")]
    [InlineData("{\"type\":\"service_account\",\"private_key\":\"" + Canary, "is not valid JSON")]
    public void Locally_an_unusable_credentials_file_is_one_line_naming_the_variable_without_its_contents(string contents, string problem)
    {
        var file = Path.Combine(temp.FullName, "adc.json");
        File.WriteAllText(file, contents);
        var environment = new Dictionary<string, string?> { [GoogleCredentialFile.Variable] = file, ["HOME"] = temp.FullName };

        var failure = Should.Throw<UsageException>(() => FoundationCredentials.Require(pipeline: false, environment.GetValueOrDefault));

        failure.Message.ShouldStartWith($"{GoogleCredentialFile.Variable}={file}: {problem}");
        failure.Message.ShouldNotContain(Canary);
        failure.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Locally_no_credentials_at_all_says_how_to_get_them()
    {
        var environment = new Dictionary<string, string?> { ["HOME"] = temp.FullName };

        Should.Throw<UsageException>(() => FoundationCredentials.Require(pipeline: false, environment.GetValueOrDefault))
            .Message.ShouldStartWith("No Google credentials: run 'gcloud auth application-default login'");
    }

    [Fact]
    public void Locally_application_default_credentials_of_a_usable_shape_pass()
    {
        var file = Path.Combine(temp.FullName, "adc.json");
        File.WriteAllText(file, """{"type":"authorized_user","client_id":"c","client_secret":"s","refresh_token":"r"}""");

        FoundationCredentials.Require(pipeline: false, new Dictionary<string, string?> { [GoogleCredentialFile.Variable] = file }.GetValueOrDefault).ShouldBeTrue();
    }

    /// <summary>A pipeline variable GOOGLE_APPLICATION_CREDENTIALS, however usable its file, is no way in.</summary>
    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "")]
    public void In_a_pipeline_the_job_needs_its_id_token_whatever_credentials_file_a_variable_names(bool pipelineFlag, string? idToken)
    {
        var file = Path.Combine(temp.FullName, "attacker.json");
        File.WriteAllText(file, """{"type":"external_account","audience":"a","subject_token_type":"t","token_url":"http://127.0.0.1:9/token","credential_source":{"file":"/etc/shadow"}}""");
        var environment = new Dictionary<string, string?>
        {
            [GoogleCredentialFile.Variable] = file,
            [WorkloadIdentityCredentials.IdTokenVariable] = idToken,
            ["CI_JOB_ID"] = pipelineFlag ? null : "1",
        };

        var failure = Should.Throw<UsageException>(() => FoundationCredentials.Require(pipelineFlag, environment.GetValueOrDefault));

        failure.Message.ShouldStartWith("GCP_ID_TOKEN is not set or empty: in a pipeline the build reaches Google Cloud only with the job's OIDC token");
        failure.Message.ShouldContain("id_tokens");
    }
}
