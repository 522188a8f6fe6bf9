using GitOps.Platform.Clouds;
using GitOps.Platform.Terraform;

namespace GitOps.Platform.Tests.Terraform;

public sealed class TerraformWorkspaceLayoutTests
{
    private static readonly Dictionary<string, string> Credentials = new()
    {
        // Existence and shape are checked; terraform never reads it here.
        ["GOOGLE_APPLICATION_CREDENTIALS"] = AuthorizedUserFile(),
    };

    private readonly ICloudProvider gcp = CloudProviders.Get("gcp");

    private static string AuthorizedUserFile()
    {
        var file = System.IO.Path.Combine(Directory.CreateTempSubdirectory("gitops-adc-").FullName, "credentials.json");
        File.WriteAllText(file, """{"type": "authorized_user", "client_id": "id", "client_secret": "secret", "refresh_token": "token"}""");
        return file;
    }

    [Fact]
    public void An_environment_cluster_uses_the_cloud_module_a_state_prefix_per_stage_and_cloud_and_its_own_data_directory()
    {
        var workspace = Layout(null).ForEnvironment("dev", gcp);

        workspace.Cluster.ToString().ShouldBe("dev-gcp");
        workspace.ModuleDirectory.ShouldBe(InRepository("environments/terraform/gcp/environment-cluster"));
        workspace.BackendConfig.ShouldBe(new Dictionary<string, string> { ["bucket"] = "eurodat-dev-31415-tfstate", ["prefix"] = "gitops/dev/gcp" });
        workspace.VarFiles.ShouldBe([InRepository("environments/terraform/gcp/stages/dev.tfvars")]);
        workspace.Variables.ShouldBe(new Dictionary<string, string> { ["stage"] = "dev" });
        workspace.DataDirectory.ShouldBe(InRepository(".nuke/temp/terraform/dev-gcp"));
        workspace.PlanFile.ShouldBe(InRepository(".nuke/temp/terraform/dev-gcp/plan.tfplan"));
    }

    [Fact]
    public void The_management_cluster_of_a_stage_has_its_own_module_state_prefix_and_variables()
    {
        var workspace = Layout(null).ForManagement("qa-int", gcp);

        workspace.Cluster.ToString().ShouldBe("qa-int-mgmt");
        workspace.ModuleDirectory.ShouldBe(InRepository("environments/terraform/gcp/management-cluster"));
        workspace.BackendConfig.ShouldBe(new Dictionary<string, string> { ["bucket"] = "eurodat-qa-int-14142-tfstate", ["prefix"] = "gitops/qa-int/mgmt" });
        workspace.VarFiles.ShouldBe([InRepository("environments/terraform/gcp/stages/mgmt/qa-int.tfvars")]);
        workspace.DataDirectory.ShouldBe(InRepository(".nuke/temp/terraform/qa-int-mgmt"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("eurodat-qa-16180-tfstate", null)]
    [InlineData(null, "eurodat-qa-16180-tfstate")]
    public void The_stages_committed_state_bucket_is_used_and_the_parameter_or_TF_STATE_BUCKET_may_repeat_it(string? parameter, string? variable)
    {
        var environment = new Dictionary<string, string?>(Credentials.ToDictionary(entry => entry.Key, entry => (string?)entry.Value)) { ["TF_STATE_BUCKET"] = variable };

        var workspace = new TerraformWorkspaceLayout(RepositoryRoot.Path, parameter, environment.GetValueOrDefault).ForEnvironment("qa", gcp);

        workspace.BackendConfig["bucket"].ShouldBe("eurodat-qa-16180-tfstate");
    }

    [Fact]
    public void A_repository_that_commits_no_state_bucket_takes_TF_STATE_BUCKET_and_without_one_nothing_runs()
    {
        var root = Directory.CreateTempSubdirectory("gitops-workspace-layout-").FullName;
        try
        {
            var environment = new Dictionary<string, string>(Credentials) { ["TF_STATE_BUCKET"] = "from-environment" };
            Should.Throw<CloudConfigurationException>(() => new TerraformWorkspaceLayout(root, null, environment.GetValueOrDefault).ForEnvironment("dev", gcp))
                .Message.ShouldStartWith("environments/terraform/gcp/stages/dev.tfvars does not exist", Case.Sensitive, "the bucket was accepted; the var file is the next check");

            Should.Throw<CloudConfigurationException>(() => new TerraformWorkspaceLayout(root, null, Credentials.GetValueOrDefault).ForEnvironment("dev", gcp))
                .Message.ShouldBe("No Terraform state bucket for dev-gcp: set state_bucket in environments/terraform/gcp/stages/foundation/dev.tfvars (--tf-state-bucket or TF_STATE_BUCKET may only repeat it)");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_stage_without_terraform_variables_is_named_with_the_stages_that_have_them()
    {
        var failure = Should.Throw<CloudConfigurationException>(() => Layout("tf-state").ForEnvironment("staging", gcp));

        failure.Message.ShouldBe(
            "environments/terraform/gcp/stages/staging.tfvars does not exist; stages with Terraform variables for this cluster: "
            + "dev, nightly, prod, qa, qa-int");
    }

    [Fact]
    public void Missing_cloud_credentials_stop_the_run_before_terraform()
    {
        var failure = Should.Throw<CloudConfigurationException>(
            () => new TerraformWorkspaceLayout(RepositoryRoot.Path, null, name => name == "HOME" ? "/nonexistent-home" : null).ForManagement("dev", gcp));

        failure.Message.ShouldStartWith("No Google credentials: run 'gcloud auth application-default login'");
    }

    [Fact]
    public void Every_stage_names_its_google_project_in_its_tfvars_not_the_shell()
    {
        foreach (var stage in new[] { "dev", "nightly", "qa", "qa-int", "prod" })
        {
            foreach (var varFile in new[] { gcp.EnvironmentVarFile(stage), gcp.ManagementVarFile(stage) })
            {
                File.ReadAllText(InRepository(varFile)).ShouldContain($"project_id    = \"eurodat-{stage}-", Case.Sensitive, varFile);
            }
        }
    }

    [Fact]
    public void A_google_project_in_the_shell_that_differs_from_the_stages_is_refused_before_terraform()
    {
        var environment = new Dictionary<string, string>(Credentials) { ["GOOGLE_PROJECT"] = "someone-elses-project" };

        var failure = Should.Throw<CloudConfigurationException>(
            () => new TerraformWorkspaceLayout(RepositoryRoot.Path, null, environment.GetValueOrDefault).ForEnvironment("prod", gcp));

        failure.Message.ShouldBe("GOOGLE_PROJECT is 'someone-elses-project' but environments/terraform/gcp/stages/prod.tfvars puts prod-gcp in project_id "
            + "'eurodat-prod-17320'; unset GOOGLE_PROJECT or set it to 'eurodat-prod-17320'. Nothing was run.");
    }

    [Fact]
    public void A_google_project_in_the_shell_that_matches_the_stages_is_fine()
    {
        var environment = new Dictionary<string, string>(Credentials) { ["GOOGLE_PROJECT"] = "eurodat-qa-16180" };

        var workspace = new TerraformWorkspaceLayout(RepositoryRoot.Path, null, environment.GetValueOrDefault).ForManagement("qa", gcp);

        workspace.Variables.ShouldNotContainKey("project_id");
    }

    private static TerraformWorkspaceLayout Layout(string? bucket) =>
        new(RepositoryRoot.Path, bucket, Credentials.GetValueOrDefault);

    private static string InRepository(string relative) => Path.GetFullPath(Path.Combine(RepositoryRoot.Path, relative));
}
