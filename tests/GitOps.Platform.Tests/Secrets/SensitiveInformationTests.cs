using GitOps.Platform.GitLab;
using GitOps.Platform.Secrets;
using GitOps.Platform.Tests.GitLab;
using GitOps.TestDoubles.GitLab;
using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.Secrets;

public sealed class SensitiveInformationTests
{
    private const string DatabasePassword = "db-password-Vr58-canary";
    private const string ServiceAccountKey = "{\"private_key\":\"sa-key-Jm31-canary\"}";

    [Fact]
    public async Task Loads_dot_env_and_the_projects_variables_for_the_environment()
    {
        await using var fake = await StartFakeAsync();
        var root = NewRepository($"CI_API_V4_URL={fake.ApiUrl}\nGITLAB_TOKEN='{fake.MaintainerToken}'\nCI_PROJECT_ID={fake.ProjectPath}\n");
        var masker = new SecretMasker();
        var log = new RecordingLog(masker);

        Directory.CreateDirectory(Path.Combine(root, "environments"));
        File.Copy(Path.Combine(RepositoryRoot.Find(), EnvTemplate.RelativePath), Path.Combine(root, EnvTemplate.RelativePath));

        var values = await new SensitiveInformation(masker, log).LoadAsync(Request(root, new Dictionary<string, string?>()), CancellationToken.None);

        values.FromGitLab.ShouldBe(["DB_PASSWORD", "GOOGLE_APPLICATION_CREDENTIALS"]);
        values.FromDotEnv.ShouldBe(["CI_API_V4_URL", "GITLAB_TOKEN", "CI_PROJECT_ID"], ignoreOrder: true);
        values.Variables["DB_PASSWORD"].ShouldBe(DatabasePassword);
        var keyFile = values.Variables["GOOGLE_APPLICATION_CREDENTIALS"];
        keyFile.ShouldStartWith(Path.Combine(root, ".nuke", "temp", "secrets"));
        (await File.ReadAllTextAsync(keyFile)).ShouldBe(ServiceAccountKey);
        masker.Apply($"{DatabasePassword} {ServiceAccountKey} {fake.MaintainerToken}").ShouldBe("*** *** ***");
        log.Lines.ShouldContain("Info: Loaded 2 CI/CD variable(s) from GitLab project platform/gitops (for environment dev/gcp)");
    }

    [Fact]
    public async Task Dot_env_values_are_masked_unless_the_template_calls_them_not_secret()
    {
        var root = NewRepository("GOOGLE_PROJECT=my-gcp-project\nSOME_PASSWORD=undocumented-Wd20\n");
        var masker = new SecretMasker();

        await new SensitiveInformation(masker, NullLog.Instance).LoadAsync(
            Request(root, new Dictionary<string, string?> { ["GITLAB_CI"] = "true" })
                with { Template = EnvTemplate.Parse("# The cloud project.\nGOOGLE_PROJECT=x\n") },
            CancellationToken.None);

        masker.Apply("my-gcp-project undocumented-Wd20").ShouldBe("my-gcp-project ***");
    }

    [Fact]
    public async Task Pipeline_mode_does_not_call_gitlab()
    {
        await using var fake = await StartFakeAsync();
        var root = NewRepository(null);
        var environment = new Dictionary<string, string?> { ["GITLAB_CI"] = "true", ["GITLAB_TOKEN"] = "glpat-from-the-runner" };
        var masker = new SecretMasker();

        var values = await new SensitiveInformation(masker, NullLog.Instance).LoadAsync(
            Request(root, environment) with { Template = EnvTemplate.Parse("# t [secret]\nGITLAB_TOKEN=x\n") },
            CancellationToken.None);

        values.GitLabSkipped.ShouldBeTrue();
        values.Variables.ShouldBeEmpty();
        fake.Requests.ShouldBeEmpty();
        masker.Apply("glpat-from-the-runner").ShouldBe(SecretMasker.Mask);
    }

    [Fact]
    public async Task A_locally_set_value_wins_over_the_gitlab_variable()
    {
        await using var fake = await StartFakeAsync();
        var root = NewRepository(null);
        var environment = Connection(fake);
        environment["DB_PASSWORD"] = "my-own-local-password";

        var values = await new SensitiveInformation(new SecretMasker(), NullLog.Instance).LoadAsync(Request(root, environment), CancellationToken.None);

        values.Variables.ShouldNotContainKey("DB_PASSWORD");
        values.Over(environment)["DB_PASSWORD"].ShouldBe("my-own-local-password");
        values.Over(environment)["GOOGLE_APPLICATION_CREDENTIALS"].ShouldNotBeNull().ShouldEndWith("GOOGLE_APPLICATION_CREDENTIALS");
    }

    [Fact]
    public async Task Masked_and_hidden_variables_are_named_with_what_to_do_and_never_exported_empty()
    {
        await using var fake = await StartFakeAsync();
        fake.AddVariable(new FakeVariable("TF_STATE_KEY", "hidden-state-key-Hx71-canary") { Hidden = true });
        fake.AddVariable(new FakeVariable("VAULT_SA_KEY", "hidden-file-Kp09-canary", VariableType: "file") { Hidden = true });
        var masker = new SecretMasker();
        var log = new RecordingLog(masker);

        var values = await new SensitiveInformation(masker, log).LoadAsync(Request(NewRepository(null), Connection(fake)), CancellationToken.None);

        values.Variables.ShouldNotContainKey("TF_STATE_KEY");
        values.Variables.ShouldNotContainKey("VAULT_SA_KEY");
        values.Variables.Values.ShouldAllBe(value => value.Length > 0);
        values.FromGitLab.ShouldBe(["DB_PASSWORD", "GOOGLE_APPLICATION_CREDENTIALS"]);
        values.Unreadable.ShouldBe(["TF_STATE_KEY", "VAULT_SA_KEY"]);
        log.Lines.ShouldContain(line => line.StartsWith("Warning: ", StringComparison.Ordinal)
            && line.Contains("TF_STATE_KEY, VAULT_SA_KEY", StringComparison.Ordinal)
            && line.Contains("masked and hidden", StringComparison.Ordinal)
            && line.Contains(".env", StringComparison.Ordinal));
        log.Lines.ShouldContain("Info: Loaded 2 CI/CD variable(s) from GitLab project 42 (for environment dev/gcp)");
        File.Exists(Path.Combine(Path.GetDirectoryName(values.Variables["GOOGLE_APPLICATION_CREDENTIALS"])!, "VAULT_SA_KEY")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_hidden_variable_set_locally_is_not_reported_as_unreadable()
    {
        await using var fake = await StartFakeAsync();
        fake.AddVariable(new FakeVariable("TF_STATE_KEY", "hidden-state-key-Hx71-canary") { Hidden = true });
        var environment = Connection(fake);
        environment["TF_STATE_KEY"] = "my-local-key";
        var log = new RecordingLog(new SecretMasker());

        var values = await new SensitiveInformation(new SecretMasker(), log).LoadAsync(Request(NewRepository(null), environment), CancellationToken.None);

        values.Unreadable.ShouldBeEmpty();
        values.Over(environment)["TF_STATE_KEY"].ShouldBe("my-local-key");
        log.Lines.ShouldNotContain(line => line.StartsWith("Warning: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_gitlab_settings_it_names_what_to_set()
    {
        var root = NewRepository("GOOGLE_PROJECT=p\n");

        var error = await Should.ThrowAsync<GitLabConfigurationException>(() => new SensitiveInformation(new SecretMasker(), NullLog.Instance)
            .LoadAsync(Request(root, new Dictionary<string, string?>()), CancellationToken.None));

        error.Message.ShouldStartWith("GitLab is not configured: set CI_API_V4_URL (or --gitlab-url), GITLAB_TOKEN");
    }

    [Fact]
    public async Task A_wrong_token_is_one_line_saying_401()
    {
        await using var fake = await StartFakeAsync();
        var environment = Connection(fake);
        environment["GITLAB_TOKEN"] = "glpat-wrong-Qe44";

        var error = await Should.ThrowAsync<GitLabApiException>(() => new SensitiveInformation(new SecretMasker(), NullLog.Instance)
            .LoadAsync(Request(NewRepository(null), environment), CancellationToken.None));

        error.Message.ShouldBe(
            "GitLab GET /projects/42/variables: 401 Unauthorized (the token is missing, wrong or expired; check GITLAB_TOKEN)");
    }

    [Fact]
    public async Task Lists_what_is_set_and_what_is_missing_without_secret_values()
    {
        await using var fake = await StartFakeAsync();
        var template = EnvTemplate.Parse(
            "# url [required]\nCI_API_V4_URL=\n# token [required] [secret]\nGITLAB_TOKEN=\n# id [required]\nCI_PROJECT_ID=\n"
            + "# bucket [required]\nTF_STATE_BUCKET=\n# key file [required]\nGOOGLE_APPLICATION_CREDENTIALS=\n# optional one [secret]\nGITHUB_TOKEN=\n");
        var environment = Connection(fake);
        var masker = new SecretMasker();
        var log = new RecordingLog(masker);
        var values = await new SensitiveInformation(masker, log).LoadAsync(
            Request(NewRepository(null), environment) with { Template = template }, CancellationToken.None);

        var report = SecretsReport.Create(template, environment, values);
        report.WriteTo(log);

        report.MissingRequired.ShouldBe(["TF_STATE_BUCKET"]);
        report.Lines.Single(line => line.Key == "GITLAB_TOKEN").ShouldBe(new SecretsReportLine("GITLAB_TOKEN", "environment", "***", true, "token"));
        report.Lines.Single(line => line.Key == "CI_PROJECT_ID").Shown.ShouldBe("42");
        report.Lines.Single(line => line.Key == "GOOGLE_APPLICATION_CREDENTIALS").Source.ShouldBe("GitLab");
        log.Lines.ShouldContain("Warning: Missing required: TF_STATE_BUCKET; set them in .env (see environments/env.template)");
        log.Lines.ShouldAllBe(line => !line.Contains(fake.MaintainerToken) && !line.Contains(DatabasePassword) && !line.Contains("sa-key-Jm31"));
    }

    private static async Task<FakeGitLab> StartFakeAsync()
    {
        var fake = await FakeGitLab.StartAsync();
        fake.AddVariable(new FakeVariable("DB_PASSWORD", DatabasePassword, "dev/*"));
        fake.AddVariable(new FakeVariable("DB_PASSWORD", "prod-password-never", "prod/*"));
        fake.AddVariable(new FakeVariable("GOOGLE_APPLICATION_CREDENTIALS", ServiceAccountKey, VariableType: "file"));
        return fake;
    }

    private static Dictionary<string, string?> Connection(FakeGitLab fake) => new()
    {
        ["CI_API_V4_URL"] = fake.ApiUrl.ToString(),
        ["GITLAB_TOKEN"] = fake.MaintainerToken,
        ["CI_PROJECT_ID"] = "42",
    };

    private static SensitiveInformationRequest Request(string root, IReadOnlyDictionary<string, string?> environment) =>
        new(root, environment) { EnvironmentName = "dev/gcp", GitLabOptions = GitLabTestClient.FastOptions };

    private static string NewRepository(string? dotEnv)
    {
        var root = Directory.CreateTempSubdirectory("gitops-secrets-").FullName;
        if (dotEnv is not null)
        {
            File.WriteAllText(Path.Combine(root, ".env"), dotEnv);
        }

        return root;
    }
}
