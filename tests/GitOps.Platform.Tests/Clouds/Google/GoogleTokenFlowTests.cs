using System.Text.Json.Nodes;
using GitOps.Platform.Clouds;
using GitOps.Platform.Clouds.Google;
using GitOps.Targets.Output;
using GitOps.TestDoubles.Google;

namespace GitOps.Platform.Tests.Clouds.Google;

/// <summary>
/// Application default credentials against loopback stand-ins of Google's token services, with the request and
/// response shapes of Google's documentation (see <see cref="FakeGoogleTokenService"/>).
/// </summary>
public sealed class GoogleTokenFlowTests : IAsyncLifetime
{
    private const string IdToken = "eyJhbGciOiJSUzI1NiJ9.oidc-canary-8c2e.sig";
    private const string Provider = "projects/123456789012/locations/global/workloadIdentityPools/gitlab-pool/providers/gitlab-provider";
    private const string Deployer = "gitops-deployer@test-project.iam.gserviceaccount.com";

    /// <summary>A stage whose foundation tfvars commit no project number (outside a pipeline the variables are used).</summary>
    private static readonly CommittedDeployer NotCommitted = new("environments/terraform/gcp/stages/foundation/dev.tfvars", "dev", "test-project", null);

    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("gitops-google-");
    private readonly SecretMasker masker = new();
    private FakeGoogleTokenService google = null!;

    public async Task InitializeAsync()
    {
        google = await FakeGoogleTokenService.StartAsync();
        google.SubjectToken = IdToken;
    }

    public async Task DisposeAsync()
    {
        await google.DisposeAsync();
        temp.Delete(recursive: true);
    }

    [Fact]
    public async Task A_gitlab_id_token_becomes_the_deployer_service_accounts_token_through_sts_and_impersonation()
    {
        var file = await WriteWorkloadIdentityAsync();

        var token = await GoogleAccessTokens.FromFile(file, masker, inPipeline: true).GetAsync(TimeSpan.FromMinutes(1), CancellationToken.None);

        google.IsValidAccessToken(token.Value).ShouldBeTrue();
        token.Value.ShouldStartWith("ya29.sa-");
        token.Expires.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(55));
        google.Requests.ShouldBe(["sts ok", "generateAccessToken ok"]);
        masker.Apply($"a {token.Value} b {IdToken}").ShouldBe("a *** b ***");
        token.ToString().ShouldNotContain(token.Value);
    }

    [Fact]
    public async Task The_credential_file_is_googles_external_account_format_and_both_files_are_owner_only()
    {
        var file = await WriteWorkloadIdentityAsync();

        var json = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        json["type"]!.GetValue<string>().ShouldBe("external_account");
        json["audience"]!.GetValue<string>().ShouldBe($"//iam.googleapis.com/{Provider}");
        json["subject_token_type"]!.GetValue<string>().ShouldBe("urn:ietf:params:oauth:token-type:jwt");
        json["service_account_impersonation_url"]!.GetValue<string>().ShouldEndWith($"v1/projects/-/serviceAccounts/{Uri.EscapeDataString(Deployer)}:generateAccessToken");
        var subjectTokenFile = json["credential_source"]!["file"]!.GetValue<string>();
        (await File.ReadAllTextAsync(subjectTokenFile)).ShouldBe(IdToken);
        (await File.ReadAllTextAsync(file)).ShouldNotContain(IdToken);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(subjectTokenFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        WorkloadIdentityCredentials.Delete(temp.FullName);
        File.Exists(file).ShouldBeFalse();
        File.Exists(subjectTokenFile).ShouldBeFalse();
        WorkloadIdentityCredentials.Audience(Provider).ShouldBe($"https://iam.googleapis.com/{Provider}");
    }

    [Fact]
    public async Task Sts_refusing_the_id_token_is_one_line_naming_the_file_and_googles_reason()
    {
        var file = await WriteWorkloadIdentityAsync();
        google.SubjectToken = "a-token-for-another-audience";

        var failure = await Should.ThrowAsync<GoogleAuthException>(() =>
            GoogleAccessTokens.FromFile(file, masker, inPipeline: true).GetAsync(TimeSpan.FromMinutes(1), CancellationToken.None));

        failure.Message.ShouldStartWith($"Google refused the external_account credentials in {file} (HTTP 400): invalid_grant");
        failure.Message.ShouldNotContain(IdToken);
        failure.Message.ShouldNotContain("\n");
    }

    [Fact]
    public async Task Impersonating_an_account_the_pool_may_not_use_fails_without_a_token()
    {
        var file = await WriteWorkloadIdentityAsync();
        google.ServiceAccount = "someone-else@test-project.iam.gserviceaccount.com";

        var failure = await Should.ThrowAsync<GoogleAuthException>(() =>
            GoogleAccessTokens.FromFile(file, masker, inPipeline: true).GetAsync(TimeSpan.FromMinutes(1), CancellationToken.None));

        failure.Message.ShouldContain(file);
        google.Requests.ShouldBe(["sts ok", "generateAccessToken 403"]);
        google.IssuedAccessTokens.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_users_application_default_credentials_refresh_at_googles_token_endpoint()
    {
        google.User = ("client-id.apps.googleusercontent.com", "client-secret-canary", "1//refresh-token-canary");
        var file = Path.Combine(temp.FullName, "application_default_credentials.json");
        await File.WriteAllTextAsync(file, """
            {"type":"authorized_user","client_id":"client-id.apps.googleusercontent.com","client_secret":"client-secret-canary","refresh_token":"1//refresh-token-canary"}
            """);

        var tokens = GoogleAccessTokens.FromFile(file, masker, inPipeline: false, new LoopbackGoogleHttpClientFactory(google.BaseAddress));
        var token = await tokens.GetAsync(TimeSpan.FromMinutes(1), CancellationToken.None);

        google.IsValidAccessToken(token.Value).ShouldBeTrue();
        google.Requests.ShouldBe(["oauth2 ok"]);
        masker.Apply("1//refresh-token-canary client-secret-canary").ShouldBe("*** ***");
    }

    [Fact]
    public async Task A_revoked_refresh_token_says_so_in_one_line()
    {
        google.User = ("client-id.apps.googleusercontent.com", "s", "1//current");
        var file = Path.Combine(temp.FullName, "adc.json");
        await File.WriteAllTextAsync(file, """{"type":"authorized_user","client_id":"client-id.apps.googleusercontent.com","client_secret":"s","refresh_token":"1//revoked"}""");

        var failure = await Should.ThrowAsync<GoogleAuthException>(() =>
            GoogleAccessTokens.FromFile(file, masker, inPipeline: false, new LoopbackGoogleHttpClientFactory(google.BaseAddress)).GetAsync(TimeSpan.FromMinutes(1), CancellationToken.None));

        failure.Message.ShouldBe($"Google refused the authorized_user credentials in {file} (HTTP 400): invalid_grant: Token has been expired or revoked.");
    }

    [Fact]
    public async Task A_token_that_would_expire_during_a_long_helm_wait_is_replaced_by_a_fresh_one()
    {
        google.TokenLifetime = TimeSpan.FromMinutes(20);
        var tokens = GoogleAccessTokens.FromFile(await WriteWorkloadIdentityAsync(), masker, inPipeline: true);

        var first = await tokens.GetAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        var cached = await tokens.GetAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        var longer = await tokens.GetAsync(TimeSpan.FromMinutes(30), CancellationToken.None);

        cached.Value.ShouldBe(first.Value);
        longer.Value.ShouldNotBe(first.Value);
        google.Requests.Count(request => request == "generateAccessToken ok").ShouldBe(2);
    }

    [Theory]
    [InlineData("[1]", "found none")]
    [InlineData("""{"type":"gdch_service_account"}""", "Google credentials need a \"type\" of authorized_user, external_account, impersonated_service_account, service_account; found 'gdch_service_account'")]
    [InlineData("{\n  \"type\": ", ":2: not a JSON credentials file")]
    public async Task A_credentials_file_that_is_not_one_is_named_in_one_line(string content, string expected)
    {
        var file = Path.Combine(temp.FullName, "bad.json");
        await File.WriteAllTextAsync(file, content);

        var failure = Should.Throw<CloudConfigurationException>(() => GoogleAccessTokens.FromFile(file, masker, inPipeline: false));

        failure.Message.ShouldStartWith(file);
        failure.Message.ShouldEndWith(expected);
    }

    [Fact]
    public async Task A_service_account_key_is_refused_in_ci()
    {
        var file = Path.Combine(temp.FullName, "key.json");
        await File.WriteAllTextAsync(file, """{"type":"service_account","client_email":"a@b.iam.gserviceaccount.com","private_key":"-----BEGIN PRIVATE KEY-----canary"}""");

        var failure = Should.Throw<CloudConfigurationException>(() => GoogleAccessTokens.FromFile(file, masker, inPipeline: true));

        failure.Message.ShouldContain("a service account key in CI is a long-lived secret; use Workload Identity Federation");
    }

    [Theory]
    [InlineData("""{"type":"impersonated_service_account","service_account_impersonation_url":"https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/d@p.iam.gserviceaccount.com:generateAccessToken","source_credentials":""" + """{"type":"service_account","client_email":"a@b.iam.gserviceaccount.com","private_key":"-----BEGIN PRIVATE KEY-----nested-canary-31f"}}""")]
    [InlineData("""{"type":"impersonated_service_account","service_account_impersonation_url":"https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/d@p.iam.gserviceaccount.com:generateAccessToken","source_credentials":""" + """{"type":"impersonated_service_account","source_credentials":{"type":"service_account","private_key_id":"k1","private_key":"-----BEGIN PRIVATE KEY-----nested-canary-31f"}}}""")]
    [InlineData("""{"type":"external_account","audience":"//iam.googleapis.com/x","subject_token_type":"urn:ietf:params:oauth:token-type:jwt","token_url":"https://sts.googleapis.com/v1/token","credential_source":""" + """{"file":"/tmp/t"},"source_credentials":{"private_key":"-----BEGIN PRIVATE KEY-----nested-canary-31f"}}""")]
    public async Task A_service_account_key_nested_in_source_credentials_is_refused_in_ci_without_echoing_it(string content)
    {
        var file = Path.Combine(temp.FullName, "adc.json");
        await File.WriteAllTextAsync(file, content);

        var failure = Should.Throw<CloudConfigurationException>(() => GoogleAccessTokens.FromFile(file, masker, inPipeline: true));

        failure.Message.ShouldStartWith(file);
        failure.Message.ShouldContain("credentials that hold a service account key (source_credentials); a key in CI is a long-lived secret");
        failure.Message.ShouldNotContain("nested-canary-31f");
        failure.Message.ShouldNotContain("\n");
        masker.Apply("key: -----BEGIN PRIVATE KEY-----nested-canary-31f").ShouldNotContain("nested-canary-31f");
    }

    [Fact]
    public async Task Secrets_nested_in_source_credentials_are_masked_outside_ci()
    {
        var file = Path.Combine(temp.FullName, "adc.json");
        await File.WriteAllTextAsync(file, """
            {"type":"impersonated_service_account","service_account_impersonation_url":"https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/d@p.iam.gserviceaccount.com:generateAccessToken",
             "source_credentials":{"type":"authorized_user","client_id":"c","client_secret":"secret-canary-77a","refresh_token":"refresh-canary-77a"}}
            """);

        GoogleAccessTokens.FromFile(file, masker, inPipeline: false).Type.ShouldBe("impersonated_service_account");

        masker.Apply("refresh-canary-77a secret-canary-77a").ShouldNotContain("canary-77a");
    }

    [Theory]
    [InlineData(null, Deployer, "GCP_ID_TOKEN is set but GCP_WORKLOAD_IDENTITY_PROVIDER is not; set the CI/CD variable GCP_WORKLOAD_IDENTITY_PROVIDER to projects/<project number>/")]
    [InlineData("projects/my-project/locations/global/workloadIdentityPools/p/providers/q", Deployer, "GCP_WORKLOAD_IDENTITY_PROVIDER=projects/my-project/locations/global/workloadIdentityPools/p/providers/q: expected projects/<project number>/")]
    [InlineData(Provider, "deployer@gmail.com", "GCP_DEPLOYER_SERVICE_ACCOUNT=deployer@gmail.com: expected <name>@<project>.iam.gserviceaccount.com")]
    public async Task Missing_or_malformed_workload_identity_settings_name_the_variable(string? provider, string serviceAccount, string expected)
    {
        var environment = new Dictionary<string, string?>
        {
            [WorkloadIdentityCredentials.IdTokenVariable] = IdToken,
            [WorkloadIdentityCredentials.ProviderVariable] = provider,
            [WorkloadIdentityCredentials.ServiceAccountVariable] = serviceAccount,
        };

        var failure = await Should.ThrowAsync<CloudConfigurationException>(() =>
            WorkloadIdentityCredentials.WriteAsync(temp.FullName, environment.GetValueOrDefault, masker, NotCommitted, CancellationToken.None));

        failure.Message.ShouldStartWith(expected);
        Directory.Exists(WorkloadIdentityCredentials.DirectoryUnder(temp.FullName)).ShouldBeFalse();
    }

    [Fact]
    public async Task Outside_a_job_with_an_id_token_nothing_is_written()
    {
        (await WorkloadIdentityCredentials.WriteAsync(temp.FullName, _ => null, masker, NotCommitted, CancellationToken.None)).ShouldBeNull();
        Directory.Exists(WorkloadIdentityCredentials.DirectoryUnder(temp.FullName)).ShouldBeFalse();
    }

    /// <summary>
    /// Without the job's token a pipeline once fell back to an inherited GOOGLE_APPLICATION_CREDENTIALS, which a pipeline
    /// variable can point at an external_account file whose token_url is someone else's host.
    /// </summary>
    [Theory]
    [InlineData(true, null, null)]
    [InlineData(false, "1", "")]
    [InlineData(false, "1", null)]
    public async Task In_a_pipeline_an_empty_or_absent_id_token_is_refused_not_replaced_by_inherited_credentials(bool pipeline, string? jobId, string? idToken)
    {
        var environment = new Dictionary<string, string?>
        {
            ["CI_JOB_ID"] = jobId,
            [WorkloadIdentityCredentials.IdTokenVariable] = idToken,
            [GoogleCredentialFile.Variable] = "/tmp/attacker-external-account.json",
            ["CLOUDSDK_CONFIG"] = "/tmp/attacker-gcloud",
        };

        var failure = await Should.ThrowAsync<CloudConfigurationException>(() => WorkloadIdentityCredentials.WriteAsync(
            temp.FullName, environment.GetValueOrDefault, masker, CommittedDeployer.Load(RepositoryRoot.Path, "prod"), CancellationToken.None, pipeline: pipeline));

        failure.Message.ShouldStartWith("GCP_ID_TOKEN is not set or empty: in a pipeline the build reaches Google Cloud only with the job's OIDC token, never with an inherited GOOGLE_APPLICATION_CREDENTIALS or CLOUDSDK_CONFIG; declare it in the job's id_tokens");
        Directory.Exists(WorkloadIdentityCredentials.DirectoryUnder(temp.FullName)).ShouldBeFalse();
    }

    [Fact]
    public async Task In_a_pipeline_the_committed_provider_and_deployer_are_used_without_any_variable()
    {
        var committed = CommittedDeployer.Load(RepositoryRoot.Path, "prod");
        committed.Complete.ShouldBeTrue($"{committed.VarFile} commits project_id and project_number");
        google.Audience = $"//iam.googleapis.com/{committed.Provider}";
        google.ServiceAccount = committed.ServiceAccount;
        var environment = new Dictionary<string, string?> { ["GITLAB_CI"] = "true", [WorkloadIdentityCredentials.IdTokenVariable] = IdToken };

        var file = (await WorkloadIdentityCredentials.WriteAsync(
            temp.FullName, environment.GetValueOrDefault, masker, committed, CancellationToken.None, new GoogleEndpoints(google.StsEndpoint, google.IamCredentialsRoot))).ShouldNotBeNull();
        var token = await GoogleAccessTokens.FromFile(file, masker, inPipeline: true).GetAsync(TimeSpan.FromMinutes(1), CancellationToken.None);

        committed.Provider.ShouldBe("projects/223606797749/locations/global/workloadIdentityPools/gitlab-prod/providers/gitlab");
        committed.ServiceAccount.ShouldBe("gitops-deployer-prod@eurodat-prod-17320.iam.gserviceaccount.com");
        google.IsValidAccessToken(token.Value).ShouldBeTrue();
        google.Requests.ShouldBe(["sts ok", "generateAccessToken ok"]);
    }

    [Theory]
    [InlineData("GCP_WORKLOAD_IDENTITY_PROVIDER", "projects/666/locations/global/workloadIdentityPools/evil-pool/providers/evil",
        "GCP_WORKLOAD_IDENTITY_PROVIDER is 'projects/666/locations/global/workloadIdentityPools/evil-pool/providers/evil' but environments/terraform/gcp/stages/foundation/prod.tfvars makes stage prod's Workload Identity provider 'projects/223606797749/locations/global/workloadIdentityPools/gitlab-prod/providers/gitlab'; unset it or set it to")]
    [InlineData("GCP_DEPLOYER_SERVICE_ACCOUNT", "attacker-sa@evil-project.iam.gserviceaccount.com",
        "GCP_DEPLOYER_SERVICE_ACCOUNT is 'attacker-sa@evil-project.iam.gserviceaccount.com' but environments/terraform/gcp/stages/foundation/prod.tfvars makes stage prod's deployer 'gitops-deployer-prod@eurodat-prod-17320.iam.gserviceaccount.com'")]
    public async Task A_variable_naming_another_credential_source_than_the_committed_one_is_refused_before_any_token_is_requested(string variable, string value, string expected)
    {
        var environment = new Dictionary<string, string?> { ["GITLAB_CI"] = "true", [WorkloadIdentityCredentials.IdTokenVariable] = IdToken, [variable] = value };

        var failure = await Should.ThrowAsync<CloudConfigurationException>(() => WorkloadIdentityCredentials.WriteAsync(
            temp.FullName, environment.GetValueOrDefault, masker, CommittedDeployer.Load(RepositoryRoot.Path, "prod"), CancellationToken.None,
            new GoogleEndpoints(google.StsEndpoint, google.IamCredentialsRoot)));

        failure.Message.ShouldStartWith(expected);
        failure.Message.ShouldNotContain(IdToken);
        google.Requests.ShouldBeEmpty();
        Directory.Exists(WorkloadIdentityCredentials.DirectoryUnder(temp.FullName)).ShouldBeFalse();
    }

    [Fact]
    public async Task In_a_pipeline_a_stage_that_commits_no_project_number_is_refused_even_with_both_variables_set()
    {
        var environment = new Dictionary<string, string?>
        {
            ["CI_JOB_ID"] = "1",
            [WorkloadIdentityCredentials.IdTokenVariable] = IdToken,
            [WorkloadIdentityCredentials.ProviderVariable] = Provider,
            [WorkloadIdentityCredentials.ServiceAccountVariable] = Deployer,
        };

        var failure = await Should.ThrowAsync<CloudConfigurationException>(() =>
            WorkloadIdentityCredentials.WriteAsync(temp.FullName, environment.GetValueOrDefault, masker, NotCommitted, CancellationToken.None));

        failure.Message.ShouldStartWith("environments/terraform/gcp/stages/foundation/dev.tfvars sets no project_number: in a pipeline stage dev's Workload Identity provider and deployer come from the repository");
        failure.Message.ShouldContain("gcloud projects describe test-project --format='value(projectNumber)'");
        Directory.Exists(WorkloadIdentityCredentials.DirectoryUnder(temp.FullName)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_id_token_issued_for_another_audience_names_the_variable_its_aud_is_built_from()
    {
        // What GitLab issues when the CI/CD variable the job's aud is built from is unset: aud "https://iam.googleapis.com/".
        var payload = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("""{"aud":"https://iam.googleapis.com/","project_id":"4711"}""")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var idToken = $"eyJhbGciOiJSUzI1NiJ9.{payload}.sig-canary-19ab";
        var environment = new Dictionary<string, string?> { ["GITLAB_CI"] = "true", [WorkloadIdentityCredentials.IdTokenVariable] = idToken };

        var failure = await Should.ThrowAsync<CloudConfigurationException>(() => WorkloadIdentityCredentials.WriteAsync(
            temp.FullName, environment.GetValueOrDefault, masker, CommittedDeployer.Load(RepositoryRoot.Path, "prod"), CancellationToken.None,
            new GoogleEndpoints(google.StsEndpoint, google.IamCredentialsRoot)));

        failure.Message.ShouldBe(
            "GCP_ID_TOKEN was issued for aud 'https://iam.googleapis.com/' but the Workload Identity provider accepts 'https://iam.googleapis.com/projects/223606797749/locations/global/workloadIdentityPools/gitlab-prod/providers/gitlab'; "
            + "set the CI/CD variable GCP_WORKLOAD_IDENTITY_PROVIDER to 'projects/223606797749/locations/global/workloadIdentityPools/gitlab-prod/providers/gitlab' (the job's id_tokens aud is built from it). Nothing was requested.");
        failure.Message.ShouldNotContain("sig-canary-19ab");
        google.Requests.ShouldBeEmpty();
    }

    /// <summary>GitLab Free has no protected environments: every job's token says environment_protected "false".</summary>
    [Fact]
    public async Task A_token_from_an_unprotected_environment_says_what_to_protect_and_that_gitlab_free_cannot_before_asking_sts()
    {
        var idToken = Jwt("""{"aud":"https://iam.googleapis.com/projects/223606797749/locations/global/workloadIdentityPools/gitlab-prod/providers/gitlab","ref":"main","ref_protected":"true","environment":"prod/gcp","environment_protected":"false"}""");
        var environment = new Dictionary<string, string?> { ["GITLAB_CI"] = "true", [WorkloadIdentityCredentials.IdTokenVariable] = idToken };

        var failure = await Should.ThrowAsync<CloudConfigurationException>(() => WorkloadIdentityCredentials.WriteAsync(
            temp.FullName, environment.GetValueOrDefault, masker, CommittedDeployer.Load(RepositoryRoot.Path, "prod"), CancellationToken.None,
            new GoogleEndpoints(google.StsEndpoint, google.IamCredentialsRoot)));

        failure.Message.ShouldBe(
            "GCP_ID_TOKEN says GitLab environment 'prod/gcp' is not protected, and the Workload Identity condition admits only protected environments; "
            + "protect it under Settings > CI/CD > Protected environments (GitLab Premium or Ultimate: GitLab Free has none, so there no job can act as the deployer). Nothing was requested.");
        google.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refusal_by_the_attribute_condition_says_what_the_condition_admits()
    {
        var file = await WriteWorkloadIdentityAsync();
        google.RejectedByAttributeCondition = true;

        var failure = await Should.ThrowAsync<GoogleAuthException>(() => GoogleAccessTokens.FromFile(file, masker, inPipeline: true).GetAsync(TimeSpan.FromMinutes(1), CancellationToken.None));

        failure.Message.ShouldStartWith($"Google refused the external_account credentials in {file} (HTTP 400): unauthorized_client: The given credential is rejected by the attribute condition.; ");
        failure.Message.ShouldContain("on a protected ref deploying to the protected environment <stage>/gcp (GitLab Free has no protected environments)");
        failure.Message.ShouldNotContain(IdToken);
    }

    private static string Jwt(string claims) =>
        $"eyJhbGciOiJSUzI1NiJ9.{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(claims)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.sig-canary-3c9d";

    private async Task<string> WriteWorkloadIdentityAsync()
    {
        var environment = new Dictionary<string, string?>
        {
            [WorkloadIdentityCredentials.IdTokenVariable] = IdToken,
            [WorkloadIdentityCredentials.ProviderVariable] = Provider,
            [WorkloadIdentityCredentials.ServiceAccountVariable] = Deployer,
        };
        var endpoints = new GoogleEndpoints(google.StsEndpoint, google.IamCredentialsRoot);
        return (await WorkloadIdentityCredentials.WriteAsync(temp.FullName, environment.GetValueOrDefault, masker, NotCommitted, CancellationToken.None, endpoints)).ShouldNotBeNull();
    }
}
