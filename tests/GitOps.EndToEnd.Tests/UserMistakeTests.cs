using GitOps.EndToEnd.Tests.Support;

namespace GitOps.EndToEnd.Tests;

/// <summary>
/// Mistakes and hostile inputs through ./build.sh (issues 12 and 13): exit 2 with one line naming the flag, variable or
/// file, before anything runs, and never a .NET type name.
/// </summary>
[Collection(SharedClone.Name)]
public sealed class UserMistakeTests(FreshClone clone) : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("gitops-mistakes-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void In_a_pipeline_a_trigger_variable_cannot_choose_the_e2e_command()
    {
        var canary = Path.Combine(scratch, "canary");
        var trigger = new Dictionary<string, string?> { ["GITLAB_CI"] = "true", ["E2E_COMMAND"] = $"touch {canary}" };

        var result = clone.BuildSh(trigger, "RunE2E", "--stage", "qa", "--cloud", "gcp", "--e2e-base-url", "http://127.0.0.1:9");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        File.Exists(canary).ShouldBeFalse("the trigger's command ran");
        OneLine(result.Error).ShouldStartWith("error: environment variable E2E_COMMAND is set, but in a pipeline --e2e-command is read only from the command line or .nuke/parameters.json");
        result.Output.ShouldNotContain("e2e on");

        var help = clone.BuildSh(trigger, "--help", "--no-logo");
        help.ExitCode.ShouldBe(0, help.Error);
        help.Error.ShouldContain("warning: environment variable E2E_COMMAND is set, but in a pipeline --e2e-command is read only");
        help.Output.ShouldContain("env E2E_COMMAND outside pipelines only");
        help.Output.ShouldContain("env MGMT_KUBECONFIG outside pipelines only");
        help.Output.ShouldContain("they choose what runs or which credentials are used");
        File.Exists(canary).ShouldBeFalse();
    }

    /// <summary>A root that commits no lock is a repository mistake: one line, exit 2, before any progress line.</summary>
    [Fact]
    public void In_a_pipeline_a_foundation_root_without_its_lock_file_is_refused_before_anything_is_printed()
    {
        var result = clone.BuildSh(new Dictionary<string, string?> { ["GITLAB_CI"] = "true", ["CI_JOB_ID"] = "1" }, "ProvisionFoundation", "--stage", "dev");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldContain("environments/terraform/gcp/foundation/.terraform.lock.hcl is not committed");
        result.Output.ShouldNotContain("terraform init");
        result.Output.ShouldNotContain("ProvisionFoundation");
    }

    /// <summary>
    /// ProvisionFoundation checks its credentials as the cluster targets do (CloudEnvironment.Require): one line, exit 2,
    /// before terraform runs, never quoting the file, where terraform once failed later with exit 1.
    /// </summary>
    [Fact]
    public void Locally_the_foundation_refuses_an_unusable_credentials_file_before_terraform_runs_without_quoting_it()
    {
        var file = Path.Combine(scratch, "adc.json");
        File.WriteAllText(file, "{\"type\":\"service_account\",\"private_key\":\"canary-key-4e1f");

        var result = clone.BuildSh(new Dictionary<string, string?> { ["GOOGLE_APPLICATION_CREDENTIALS"] = file }, "ProvisionFoundation", "--stage", "dev", "--no-logo");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldStartWith($"error: GOOGLE_APPLICATION_CREDENTIALS={file}: is not valid JSON");
        (result.Output + result.Error).ShouldNotContain("canary-key-4e1f");
        result.Output.ShouldNotContain("terraform init");
    }

    /// <summary>
    /// The cluster targets check the credentials file a user set before PrepareSensitiveInformation asks GitLab for
    /// anything (a value set locally wins over GitLab's, so it is already final): one line, exit 2, no request sent.
    /// </summary>
    [Theory]
    [InlineData("Provision", "--cloud")]
    [InlineData("Destroy", "--cloud")]
    [InlineData("ProvisionManagementCluster", "--mgmt-cloud")]
    [InlineData("DestroyManagementCluster", "--mgmt-cloud")]
    public async Task Locally_a_cluster_target_refuses_an_unusable_credentials_file_before_gitlab_is_asked(string target, string cloudFlag)
    {
        await using var gitLab = await GitOps.TestDoubles.GitLab.FakeGitLab.StartAsync();
        var file = Path.Combine(scratch, "adc.json");
        File.WriteAllText(file, "{\"type\":\"service_account\",\"private_key\":\"canary-key-90ab");
        var environment = new Dictionary<string, string?>
        {
            ["GOOGLE_APPLICATION_CREDENTIALS"] = file,
            ["CI_API_V4_URL"] = gitLab.ApiUrl.ToString(),
            ["GITLAB_TOKEN"] = gitLab.MaintainerToken,
            ["CI_PROJECT_ID"] = gitLab.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        var result = clone.BuildSh(environment, target, "--stage", "dev", cloudFlag, "gcp", "--no-logo");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldStartWith($"error: GOOGLE_APPLICATION_CREDENTIALS={file}: is not valid JSON");
        gitLab.Requests.ShouldBeEmpty();
        result.Output.ShouldNotContain("PrepareSensitiveInformation");
        (result.Output + result.Error).ShouldNotContain("canary-key-90ab");
    }

    /// <summary>
    /// A service account key whose private_key is no key once got terraform's parser error wrapped in a hint about the
    /// management kubeconfig: now it is its own line naming the file and what is wrong, and the key is nowhere.
    /// </summary>
    [Fact]
    public void A_service_account_key_that_holds_no_private_key_is_named_without_quoting_it()
    {
        const string Canary = "canary-key-material-5d2c";
        var file = Path.Combine(scratch, "key.json");
        File.WriteAllText(file, "{\"type\":\"service_account\",\"client_email\":\"deployer@p.iam.gserviceaccount.com\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\n" + Canary + "\\n-----END PRIVATE KEY-----\\n\"}");

        var result = clone.BuildSh(new Dictionary<string, string?> { ["GOOGLE_APPLICATION_CREDENTIALS"] = file }, "Provision", "--stage", "dev", "--cloud", "gcp", "--skip", "PrepareSensitiveInformation", "--verbosity", "verbose");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldStartWith($"error: GOOGLE_APPLICATION_CREDENTIALS={file}: is of type service_account but its private_key is not a readable RSA private key");
        result.Error.ShouldNotContain("kubeconfig");
        (result.Output + result.Error).ShouldNotContain(Canary);
        var log = Path.Combine(clone.Root, ".nuke", "temp", "build.log");
        (File.Exists(log) ? File.ReadAllText(log) : string.Empty).ShouldNotContain(Canary);
        result.Output.ShouldNotContain("terraform");
    }

    /// <summary>
    /// The cluster targets likewise: each names the first root it inits whose lock is missing (the environment root,
    /// then the management root whose state holds the management kubeconfig), before any progress line, where they
    /// once failed inside the target (exit 1) after the sensitive information was prepared.
    /// </summary>
    [Theory]
    [InlineData("Provision", "environment-cluster", "--cloud", "gcp")]
    [InlineData("Destroy", "environment-cluster", "--cloud", "gcp")]
    [InlineData("DeployAppOfApps", "management-cluster", "--cloud", "gcp")]
    [InlineData("ProvisionManagementCluster", "management-cluster", "--mgmt-cloud", "gcp")]
    [InlineData("DestroyManagementCluster", "management-cluster", "--mgmt-cloud", "gcp")]
    public void In_a_pipeline_a_cluster_root_without_its_lock_file_is_refused_before_anything_is_printed(string target, string root, string cloudFlag, string cloud)
    {
        var result = clone.BuildSh(new Dictionary<string, string?> { ["GITLAB_CI"] = "true", ["CI_JOB_ID"] = "1" }, target, "--stage", "dev", cloudFlag, cloud);

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        var line = OneLine(result.Error);
        line.ShouldContain($"environments/terraform/gcp/{root}/.terraform.lock.hcl is not committed");
        line.ShouldContain($"run 'terraform -chdir=environments/terraform/gcp/{root} init -backend=false && terraform -chdir=environments/terraform/gcp/{root} providers lock -platform=linux_amd64");
        result.Output.ShouldNotContain("terraform init");
        result.Output.ShouldNotContain("PrepareSensitiveInformation");
        result.Output.ShouldNotContain(target);
    }

    /// <summary>A hand-written job that lets a pipeline variable set a loader or startup hook: refused at start.</summary>
    [Fact]
    public void In_a_pipeline_a_loader_or_startup_hook_variable_stops_the_build_in_one_line()
    {
        var result = clone.BuildSh(new Dictionary<string, string?> { ["GITLAB_CI"] = "true", ["ENV"] = "/dev/null" }, "ListSensitiveInformation");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldStartWith("error: ENV is set: in a pipeline they would run code before the build");
    }

    /// <summary>The reviewer's reproduction: a trigger sending GITLAB_CI=false once switched every pipeline guard off.</summary>
    [Fact]
    public void A_trigger_variable_cannot_switch_pipeline_mode_off_to_choose_the_e2e_command()
    {
        var canary = Path.Combine(scratch, "canary");
        var trigger = new Dictionary<string, string?> { ["GITLAB_CI"] = "false", ["CI_JOB_TOKEN"] = "job-token", ["E2E_COMMAND"] = $"touch {canary}" };

        var result = clone.BuildSh(trigger, "RunE2E", "--stage", "qa", "--cloud", "gcp", "--e2e-base-url", "http://127.0.0.1:9");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        File.Exists(canary).ShouldBeFalse("the trigger's command ran");
        OneLine(result.Error).ShouldStartWith("error: environment variable E2E_COMMAND is set, but in a pipeline --e2e-command is read only");
    }

    /// <summary>
    /// A file-type trigger variable holding a CA, as SSL_CERT_FILE, would make the build's own HttpClients (Google's
    /// token exchange, GitLab, Kubernetes) trust an interceptor: refused before any token is read.
    /// </summary>
    [Fact]
    public void In_a_pipeline_a_variable_adding_a_ca_to_the_builds_own_tls_stops_it_before_anything_runs()
    {
        // Where the runner writes a file-type variable: <builds>/<project>.tmp/<NAME>, beside the checkout.
        var ca = Path.Combine(Path.GetDirectoryName(clone.Root.TrimEnd(Path.DirectorySeparatorChar))!, $"{Path.GetFileName(clone.Root.TrimEnd(Path.DirectorySeparatorChar))}.tmp", "INTERCEPTOR_CA");
        Directory.CreateDirectory(Path.GetDirectoryName(ca)!);
        File.WriteAllText(ca, "-----BEGIN CERTIFICATE-----\nMIIcanary-ca-77f0\n-----END CERTIFICATE-----\n");
        var trigger = new Dictionary<string, string?> { ["GITLAB_CI"] = "true", ["SSL_CERT_FILE"] = ca, ["SSL_CERT_DIR"] = null, ["HTTPS_PROXY"] = "http://127.0.0.1:9" };

        var result = clone.BuildSh(trigger, "Provision", "--stage", "dev", "--cloud", "gcp");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldStartWith("error: SSL_CERT_FILE names a certificate store outside the system trust locations");
        Directory.Delete(Path.GetDirectoryName(ca)!, recursive: true);
        (result.Output + result.Error).ShouldNotContain("canary-ca-77f0");
        result.Output.ShouldNotContain("terraform");
    }

    /// <summary>VERSION from a trigger once turned RunE2E into a skipped, green job (and OpenPromotionMR into a release entry).</summary>
    [Fact]
    public void In_a_pipeline_a_trigger_variable_cannot_skip_e2e_by_naming_a_version()
    {
        var trigger = new Dictionary<string, string?> { ["GITLAB_CI"] = "true", ["VERSION"] = "9.9.9" };

        var result = clone.BuildSh(trigger, "RunE2E", "--stage", "qa", "--cloud", "gcp");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldStartWith("error: environment variable VERSION is set, but in a pipeline --version is read only from the command line or .nuke/parameters.json");
    }

    [Fact]
    public void In_a_pipeline_a_trigger_variable_cannot_choose_the_server_e2e_judges()
    {
        var trigger = new Dictionary<string, string?> { ["GITLAB_CI"] = "true", ["E2E_BASE_URL"] = "http://127.0.0.1:9" };

        var result = clone.BuildSh(trigger, "RunE2E", "--stage", "qa", "--cloud", "gcp");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldStartWith("error: environment variable E2E_BASE_URL is set, but in a pipeline --e2e-base-url is read only from the command line or .nuke/parameters.json");
        result.Output.ShouldNotContain("e2e on");
    }

    [Fact]
    public void Outside_a_pipeline_the_same_variable_runs_the_command_so_the_canary_can_fire()
    {
        var canary = Path.Combine(scratch, "canary");
        var local = new Dictionary<string, string?> { ["E2E_COMMAND"] = $"touch {canary}" };

        try
        {
            var result = clone.BuildSh(local, "RunE2E", "--stage", "qa", "--cloud", "gcp", "--e2e-base-url", "http://127.0.0.1:9", "--skip", "PrepareSensitiveInformation");

            result.ExitCode.ShouldBe(0, result.Output + result.Error);
            File.Exists(canary).ShouldBeTrue();
        }
        finally
        {
            // Other tests of the shared clone expect no e2e record there.
            var records = Path.Combine(clone.Root, ".nuke", "temp", "e2e");
            if (Directory.Exists(records))
            {
                Directory.Delete(records, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("qa", "1.4.2; rm -rf /", "error: --release (RELEASE): '1.4.2; rm -rf /' is not a SemVer release version; expected MAJOR.MINOR.PATCH[-prerelease][+build], e.g. 1.4.2 (stage qa deploys SemVer releases)")]
    [InlineData("dev", "main; rm -rf /", "error: --release (RELEASE): 'main; rm -rf /' is not a branch name; stage dev deploys a branch of the platform repository (letters, digits, '.', '_', '-', '/'), e.g. main")]
    public void A_trigger_release_that_is_not_what_the_stage_deploys_is_refused_before_anything_runs(string stage, string release, string expected)
    {
        var canary = Path.Combine(scratch, "canary");
        var trigger = new Dictionary<string, string?> { ["GITLAB_CI"] = "true", ["RELEASE"] = release };

        var result = clone.BuildSh(trigger, "RunE2E", "--stage", stage, "--cloud", "gcp", "--e2e-command", $"touch {canary}", "--e2e-base-url", "http://127.0.0.1:9");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldBe(expected);
        File.Exists(canary).ShouldBeFalse();
    }

    [Fact]
    public void A_release_entry_version_that_is_not_semver_names_the_trigger_variable()
    {
        var trigger = new Dictionary<string, string?> { ["GITLAB_CI"] = "true", ["RELEASE_ENTRY_VERSION"] = "v1.5" };

        var result = clone.BuildSh(trigger, "OpenPromotionMR", "--version", "v1.5", "--skip", "RunE2E");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldBe("error: RELEASE_ENTRY_VERSION (--version): 'v1.5' is not a SemVer release version; expected MAJOR.MINOR.PATCH[-prerelease][+build], e.g. 1.4.2 (drop the leading 'v')");
    }

    /// <summary>The revision input's default ("none": the hook posted none) reads as not given, so a release without it on a pinned stage is refused as such.</summary>
    [Fact]
    public void The_revision_inputs_default_reads_as_not_given()
    {
        var trigger = new Dictionary<string, string?> { ["GITLAB_CI"] = "true", ["RELEASE"] = "1.4.2", ["REVISION"] = "none" };

        var result = clone.BuildSh(trigger, "RunE2E", "--stage", "qa", "--cloud", "gcp", "--plan");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldStartWith("error: REVISION (--revision) is empty, but RELEASE is 1.4.2: qa is pinned");
    }

    [Theory]
    [InlineData("60d")]
    [InlineData("0")]
    [InlineData("99999999999h")]
    [InlineData("٣s")]
    public void An_impossible_timeout_is_refused_before_anything_runs(string timeout)
    {
        var result = clone.BuildSh("DeployAppOfApps", "--stage", "dev", "--cloud", "gcp", "--timeout", timeout);

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldBe($"error: --timeout must be a duration from 1s to 24h such as 90 (seconds), 90s, 15m or 1h30m, got '{timeout}'.");
        result.Output.ShouldNotContain("PrepareSensitiveInformation");
    }

    [Fact]
    public void An_inline_boolean_is_the_options_value_and_a_bad_one_lists_the_allowed_words()
    {
        var plan = clone.BuildSh("OpenPromotionMR", "--stage", "qa", "--force=off", "--plan", "--no-logo");
        plan.ExitCode.ShouldBe(0, plan.Output + plan.Error);
        plan.Output.ShouldNotContain("off");

        var bad = clone.BuildSh("OpenPromotionMR", "--stage", "qa", "--force=maybe", "--plan");
        bad.ExitCode.ShouldBe(2, bad.Output + bad.Error);
        OneLine(bad.Error).ShouldBe("error: --force: 'maybe' is not a valid value; allowed values: true, false, yes, no, on, off, 1, 0.");

        var pipeline = clone.BuildSh("--pipeline=GenerateCI", "--plan");
        pipeline.ExitCode.ShouldBe(2, pipeline.Output + pipeline.Error);
        OneLine(pipeline.Error).ShouldBe("error: --pipeline: 'GenerateCI' is not a valid value; allowed values: true, false, yes, no, on, off, 1, 0.");
    }

    [Fact]
    public void A_root_that_is_not_this_kind_of_repository_is_refused_and_left_untouched()
    {
        var result = clone.BuildSh("--root", scratch, "--help");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldBe($"error: --root {scratch}: not a repository of this build (it has no .nuke/ directory and no build/ directory and no environments/stages.yaml file); "
            + "pass the repository's root (where build.sh, .nuke/, build/ and environments/stages.yaml are).");
        Directory.EnumerateFileSystemEntries(scratch).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("this is no kubeconfig", "not a kubeconfig (not a YAML mapping)")]
    [InlineData("apiVersion: v1\nclusters: [\n", "not valid YAML")]
    public void A_management_kubeconfig_that_is_empty_or_junk_is_refused_before_anything_runs(string content, string problem)
    {
        var kubeconfig = Path.Combine(scratch, "kubeconfig");
        File.WriteAllText(kubeconfig, content);

        var result = clone.BuildSh("DeployAppOfApps", "--stage", "dev", "--cloud", "gcp", "--mgmt-kubeconfig", kubeconfig, "--verbosity", "verbose");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        var line = OneLine(result.Error);
        line.ShouldStartWith($"error: --mgmt-kubeconfig: {kubeconfig}");
        line.ShouldContain(problem);
        result.Output.ShouldNotContain("PrepareSensitiveInformation");
    }

    /// <summary>
    /// --plan checks what the run would check of the given values and the local files they name (it once accepted any
    /// file), and still plans a command whose parameters are not all given yet.
    /// </summary>
    [Fact]
    public void A_plan_refuses_an_empty_management_kubeconfig_as_the_run_would_and_still_plans_without_parameters()
    {
        var kubeconfig = Path.Combine(scratch, "empty");
        File.WriteAllText(kubeconfig, string.Empty);

        var result = clone.BuildSh("DeployAppOfApps", "--stage", "dev", "--cloud", "gcp", "--mgmt-kubeconfig", kubeconfig, "--plan", "--no-logo");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldStartWith($"error: --mgmt-kubeconfig: {kubeconfig}");
        result.Output.ShouldNotContain("DeployAppOfApps");

        var incomplete = clone.BuildSh("DeployAppOfApps", "--plan", "--no-logo");
        incomplete.ExitCode.ShouldBe(0, incomplete.Output + incomplete.Error);
        incomplete.Output.ShouldContain("DeployAppOfApps");
    }

    [Fact]
    public void A_parameters_file_that_is_not_utf8_is_named_with_its_line()
    {
        var root = Path.Combine(scratch, "repo");
        CopyRepository(root);
        File.WriteAllBytes(Path.Combine(root, ".nuke", "parameters.json"), [.. "{\n  \"stage\": \"q"u8.ToArray(), 0xE1, .. "\"\n}"u8.ToArray()]);

        var result = ProcessResult.Run(Path.Combine(clone.Root, "build.sh"), ["--root", root, "--plan"], root, new Dictionary<string, string?>());

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldBe("error: .nuke/parameters.json:2: not UTF-8 text (byte 0xE1 at column 14); save the file as UTF-8.");
    }

    [Fact]
    public void A_root_with_only_nuke_or_without_its_stage_catalog_is_refused_before_anything_is_written()
    {
        var root = Path.Combine(scratch, "repo");
        CopyRepository(root);
        File.Delete(Path.Combine(root, "environments", "stages.yaml"));

        var result = ProcessResult.Run(Path.Combine(clone.Root, "build.sh"), ["RunE2E", "--stage", "qa", "--cloud", "gcp", "--root", root], root, new Dictionary<string, string?>());

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldBe($"error: --root {root}: not a repository of this build (it has no environments/stages.yaml file); "
            + "pass the repository's root (where build.sh, .nuke/, build/ and environments/stages.yaml are).");
        File.Exists(Path.Combine(root, ".nuke", "build.schema.json")).ShouldBeFalse();
    }

    [Theory]
    [InlineData(new byte[] { 0x73, 0x74, 0x61, 0x67, 0x65, 0x73, 0x3A, 0x0A, 0x20, 0x20, 0x2D, 0x20, 0xE9, 0x0A }, "environments/stages.yaml:2: not UTF-8 text (byte 0xE9 at column 5); save the file as UTF-8.")]
    [InlineData(new byte[] { 0x73, 0x74, 0x61, 0x67, 0x65, 0x73, 0x3A, 0x20, 0x5B, 0x0A }, "environments/stages.yaml:2: not valid YAML: ")]
    [InlineData(new byte[] { 0x73, 0x74, 0x61, 0x67, 0x65, 0x73, 0x3A, 0x20, 0x00, 0x0A }, "environments/stages.yaml:1: the control character U+0000 (NUL) at column 9 is not allowed in YAML")]
    public void A_stage_catalog_that_is_not_utf8_or_not_yaml_is_exit_2_with_its_line_in_plain_words(byte[] content, string expected)
    {
        var root = Path.Combine(scratch, "repo");
        CopyRepository(root);
        File.WriteAllBytes(Path.Combine(root, "environments", "stages.yaml"), content);

        var result = ProcessResult.Run(Path.Combine(clone.Root, "build.sh"), ["RunE2E", "--stage", "qa", "--cloud", "gcp", "--root", root], root, new Dictionary<string, string?>());

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        var line = OneLine(result.Error);
        line.ShouldStartWith($"error: {expected}"); // relative to the root, as the user knows it
        line.ShouldNotContain("While");
        line.ShouldNotContain("Idx");
    }

    [Theory]
    [InlineData("/dev/zero", "is a character device, not a regular file; a kubeconfig must be a regular file of at most 1 MiB")]
    [InlineData("fifo", "is a named pipe (FIFO), not a regular file; a kubeconfig must be a regular file of at most 1 MiB")]
    public void A_special_file_as_the_management_kubeconfig_is_refused_at_once(string kubeconfig, string problem)
    {
        if (kubeconfig == "fifo")
        {
            kubeconfig = Path.Combine(scratch, "fifo");
            ProcessResult.Run("mkfifo", [kubeconfig], scratch, new Dictionary<string, string?>()).ExitCode.ShouldBe(0);
        }

        var result = ProcessResult.Run(Path.Combine(clone.Root, "build.sh"), ["DeployAppOfApps", "--stage", "dev", "--cloud", "gcp", "--mgmt-kubeconfig", kubeconfig],
            clone.Root, new Dictionary<string, string?>(), TimeSpan.FromMinutes(3));

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldBe($"error: --mgmt-kubeconfig: {kubeconfig}: {problem}");
    }

    [Theory]
    [InlineData("--stage", "dev", "--stage", "prod")]
    [InlineData("--stage=dev", "--stage", "prod")]
    public void A_stage_given_twice_is_refused_naming_the_flag(params string[] args)
    {
        var result = clone.BuildSh(["RunE2E", "--cloud", "gcp", .. args]);

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldStartWith("error: --stage is given 2 times (");
        result.Output.ShouldNotContain("RunE2E");
    }

    [Fact]
    public void A_parallel_count_that_overflows_names_parallel_not_an_unknown_target()
    {
        var result = clone.BuildSh("--parallel", "99999999999", "--plan");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldBe("error: --parallel takes how many targets run at once, a whole number from 1 to 64, got '99999999999'.");
    }

    /// <summary>
    /// PrepareSensitiveInformation once started and failed (the summary table, the targets NotRun) when GitLab was not
    /// configured: now that is one line with the requirements, before any target runs, naming what to set and where.
    /// </summary>
    [Fact]
    public void Locally_a_target_that_loads_gitlab_variables_without_gitlab_configured_is_refused_before_any_target_runs()
    {
        var result = clone.BuildSh("Provision", "--stage", "dev", "--cloud", "gcp", "--no-logo");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldStartWith("error: GitLab is not configured: set CI_API_V4_URL (or --gitlab-url), GITLAB_TOKEN, CI_PROJECT_ID (or --gitlab-project) in .env or the environment (see environments/env.template)");
        result.Output.ShouldNotContain("PrepareSensitiveInformation");
        result.Output.ShouldNotContain("NotRun");
    }

    /// <summary>Set but malformed: refused by the run and by --plan alike, before any request reaches GitLab.</summary>
    [Theory]
    [InlineData("group//project name", "", "error: --gitlab-project: 'group//project name' is not a GitLab project; expected a numeric id or a path such as group/project (letters, digits, '_', '-', '.')")]
    [InlineData("", "not a url", "error: --gitlab-url: 'not a url' is not an absolute http(s) URL; expected e.g. https://gitlab.example.com/api/v4")]
    public async Task A_malformed_gitlab_setting_is_refused_by_the_run_and_the_plan_before_gitlab_is_asked(string project, string url, string expected)
    {
        await using var gitLab = await GitOps.TestDoubles.GitLab.FakeGitLab.StartAsync();
        var environment = new Dictionary<string, string?>
        {
            ["CI_API_V4_URL"] = gitLab.ApiUrl.ToString(),
            ["GITLAB_TOKEN"] = gitLab.MaintainerToken,
            ["CI_PROJECT_ID"] = gitLab.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        string[] flags = project.Length > 0 ? ["--gitlab-project", project] : ["--gitlab-url", url];

        foreach (var plan in new[] { false, true })
        {
            var result = clone.BuildSh(environment, ["Rollback", "--stage", "qa", "--to", "1.0.0", .. flags, .. plan ? new[] { "--plan" } : []]);

            result.ExitCode.ShouldBe(2, result.Output + result.Error);
            OneLine(result.Error).ShouldBe(expected);
            result.Output.ShouldNotContain("PrepareSensitiveInformation");
        }

        gitLab.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(new[] { "--skip", "Nope" }, "error: --skip: target 'Nope' does not exist; allowed values: ")]
    [InlineData(new[] { "Nope" }, "error: target 'Nope' does not exist; allowed values: ")]
    [InlineData(new[] { "Provison", "--plan" }, "error: target 'Provison' (did you mean 'Provision'?) does not exist; allowed values: ")]
    [InlineData(new[] { "Verify", "--skip", "Nope,Rendr" }, "error: --skip: targets 'Nope', 'Rendr' (did you mean 'Render'?) do not exist; allowed values: ")]
    public void An_unknown_target_is_one_line_with_the_targets_there_are(string[] args, string expected)
    {
        var result = clone.BuildSh([.. args, "--no-logo"]);

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        var line = OneLine(result.Error);
        line.ShouldStartWith(expected);
        line.ShouldContain("Provision, DeployAppOfApps");
        line.ShouldEndWith("Test.");
    }

    [Fact]
    public void A_bad_verbosity_is_worded_as_every_other_bad_value()
    {
        var result = clone.BuildSh("--verbosity", "loud", "--plan");

        result.ExitCode.ShouldBe(2, result.Output + result.Error);
        OneLine(result.Error).ShouldBe("error: --verbosity: 'loud' is not a valid value; allowed values: quiet, minimal, normal, verbose.");
    }

    /// <summary>
    /// A hand-broken foundation or environment tfvars is refused by the run and by --plan alike, with its line, before
    /// GitLab or the state bucket is reached (it once passed every check and failed in terraform init).
    /// </summary>
    [Theory]
    [InlineData("foundation/dev.tfvars", "empty-bucket", "error: environments/terraform/gcp/stages/foundation/dev.tfvars:10: state_bucket has no value; set it to a quoted string")]
    [InlineData("foundation/dev.tfvars", "unterminated-bucket", "error: environments/terraform/gcp/stages/foundation/dev.tfvars:10: the string of state_bucket is not closed; a quoted string ends with \" on the same line")]
    [InlineData("foundation/dev.tfvars", "invalid-utf8", "error: environments/terraform/gcp/stages/foundation/dev.tfvars:16: is not valid UTF-8; a tfvars file is UTF-8 text")]
    [InlineData("dev.tfvars", "unterminated-append", "error: environments/terraform/gcp/stages/dev.tfvars:11: the string of project_id is not closed")]
    [InlineData("dev.tfvars", "directory", "error: environments/terraform/gcp/stages/dev.tfvars is a directory; it must be the tfvars file of this cluster's stage")]
    [InlineData("foundation/dev.tfvars", "empty-string-bucket", "error: environments/terraform/gcp/stages/foundation/dev.tfvars:10: state_bucket is empty; it names the bucket holding the stage's Terraform state")]
    public async Task A_malformed_tfvars_is_refused_by_the_run_and_the_plan_before_gitlab_is_asked(string file, string mistake, string expected)
    {
        await using var gitLab = await GitOps.TestDoubles.GitLab.FakeGitLab.StartAsync();
        var path = Path.Combine(clone.Root, "environments", "terraform", "gcp", "stages", file);
        var original = File.ReadAllBytes(path);
        var environment = new Dictionary<string, string?>
        {
            ["CI_API_V4_URL"] = gitLab.ApiUrl.ToString(),
            ["GITLAB_TOKEN"] = gitLab.MaintainerToken,
            ["CI_PROJECT_ID"] = gitLab.ProjectId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        try
        {
            Break(path, mistake);
            foreach (var plan in new[] { true, false })
            {
                var result = clone.BuildSh(environment, ["Provision", "--stage", "dev", "--cloud", "gcp", "--no-logo", .. plan ? new[] { "--plan" } : []]);

                result.ExitCode.ShouldBe(2, $"--plan {plan}: " + result.Output + result.Error);
                OneLine(result.Error).ShouldStartWith(expected);
                result.Output.ShouldNotContain("PrepareSensitiveInformation");
            }

            gitLab.Requests.ShouldBeEmpty();
        }
        finally
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            File.WriteAllBytes(path, original);
        }
    }

    private static void Break(string path, string mistake)
    {
        var text = File.ReadAllText(path);
        switch (mistake)
        {
            case "empty-bucket":
                File.WriteAllText(path, System.Text.RegularExpressions.Regex.Replace(text, "(?m)^state_bucket .*$", "state_bucket = "));
                break;
            case "unterminated-bucket":
                File.WriteAllText(path, System.Text.RegularExpressions.Regex.Replace(text, "(?m)^state_bucket .*$", "state_bucket = \"eurodat-dev-31415-tfstate"));
                break;
            case "empty-string-bucket":
                File.WriteAllText(path, System.Text.RegularExpressions.Regex.Replace(text, "(?m)^state_bucket .*$", "state_bucket = \"\""));
                break;
            case "invalid-utf8":
                File.WriteAllBytes(path, [.. File.ReadAllBytes(path), .. "dns_note = \""u8, 0xFF, .. "\"\n"u8]);
                break;
            case "unterminated-append":
                File.AppendAllText(path, "project_id = \"x\n");
                break;
            case "directory":
                File.Delete(path);
                Directory.CreateDirectory(path);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mistake), mistake, "no such mistake");
        }
    }

    private void CopyRepository(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        Directory.CreateDirectory(Path.Combine(root, "build"));
        File.Copy(Path.Combine(clone.Root, ".nuke", "parameters.json"), Path.Combine(root, ".nuke", "parameters.json"));
        Directory.CreateDirectory(Path.Combine(root, "environments"));
        File.Copy(Path.Combine(clone.Root, "environments", "stages.yaml"), Path.Combine(root, "environments", "stages.yaml"));
    }

    private static string OneLine(string error)
    {
        // build.sh says so on stderr when it compiles first (whichever test runs first).
        var lines = error.TrimEnd().Split('\n').Where(line => !line.StartsWith("Compiling the build", StringComparison.Ordinal)).ToArray();
        lines.Length.ShouldBe(1, error);
        lines[0].ShouldNotContain("Exception");
        lines[0].ShouldNotContain("   at ");
        return lines[0];
    }
}
