using GitOps.Platform.Clouds;
using GitOps.Platform.Foundation;

namespace GitOps.Platform.Tests.Foundation;

/// <summary>
/// The foundation refuses to run when the shell names another Google project or state bucket than the stage's tfvars;
/// the bucket it creates and keeps its state in is named there only.
/// </summary>
public sealed class FoundationLayoutTests
{
    [Theory]
    [InlineData("GOOGLE_PROJECT")]
    [InlineData("GOOGLE_CLOUD_PROJECT")]
    [InlineData("GCLOUD_PROJECT")]
    [InlineData("CLOUDSDK_CORE_PROJECT")]
    public void A_project_variable_naming_another_project_than_the_stages_tfvars_is_refused_in_one_line(string variable)
    {
        var environment = new Dictionary<string, string?> { [variable] = "eurodat-prod-17320" };

        var failure = Should.Throw<CloudConfigurationException>(() =>
            new FoundationLayout(RepositoryRoot.Path, null, environment.GetValueOrDefault).For("dev"));

        failure.Message.ShouldBe(
            $"{variable} is 'eurodat-prod-17320' but environments/terraform/gcp/stages/foundation/dev.tfvars:7 puts the foundation of stage dev "
            + $"in project_id 'eurodat-dev-31415'; unset {variable} or set it to 'eurodat-dev-31415'. Nothing was run.");
    }

    [Fact]
    public void The_stages_own_project_in_the_environment_is_accepted()
    {
        var environment = new Dictionary<string, string?> { ["GOOGLE_PROJECT"] = "eurodat-dev-31415", ["CLOUDSDK_CORE_PROJECT"] = "eurodat-dev-31415" };

        new FoundationLayout(RepositoryRoot.Path, null, environment.GetValueOrDefault).For("dev").Stage.ShouldBe("dev");
    }

    [Fact]
    public void The_foundation_keeps_its_state_in_the_committed_bucket_and_passes_no_other_name_for_it()
    {
        var workspace = new FoundationLayout(RepositoryRoot.Path, null, _ => null).For("prod");

        workspace.BackendConfig.ShouldBe(new Dictionary<string, string> { ["bucket"] = "eurodat-prod-17320-tfstate", ["prefix"] = "gitops/prod/foundation" });
        workspace.Variables.ShouldBe(new Dictionary<string, string> { ["stage"] = "prod" }, "var.state_bucket comes from the tfvars, as the backend's bucket does");
        workspace.VarFiles.ShouldBe([Path.GetFullPath(Path.Combine(RepositoryRoot.Path, FoundationLayout.VarFile("prod")))]);
    }

    [Theory]
    [InlineData("attacker-bucket", null)]
    [InlineData(null, "attacker-bucket")]
    public void Another_bucket_than_the_committed_one_is_refused_before_terraform(string? parameter, string? variable)
    {
        var environment = new Dictionary<string, string?> { ["TF_STATE_BUCKET"] = variable };

        Should.Throw<CloudConfigurationException>(() => new FoundationLayout(RepositoryRoot.Path, parameter, environment.GetValueOrDefault).For("dev"))
            .Message.ShouldBe("TF_STATE_BUCKET (or --tf-state-bucket) is 'attacker-bucket' but environments/terraform/gcp/stages/foundation/dev.tfvars "
                + "keeps stage dev's state in 'eurodat-dev-31415-tfstate'; unset it or set it to 'eurodat-dev-31415-tfstate'. Nothing was run.");
    }

    [Fact]
    public void A_stage_whose_tfvars_names_no_state_bucket_is_refused_even_with_one_given()
    {
        var root = Directory.CreateTempSubdirectory("gitops-foundation-layout-").FullName;
        try
        {
            var varFile = Path.Combine(root, FoundationLayout.VarFile("dev"));
            Directory.CreateDirectory(Path.GetDirectoryName(varFile)!);
            File.WriteAllText(varFile, "project_id = \"eurodat-dev-31415\"\n");

            Should.Throw<CloudConfigurationException>(() => new FoundationLayout(root, "some-bucket", _ => null).For("dev"))
                .Message.ShouldBe("environments/terraform/gcp/stages/foundation/dev.tfvars: state_bucket is not set; each stage's foundation names "
                    + "the bucket it creates for the stage's Terraform state (e.g. state_bucket = \"eurodat-dev-31415-tfstate\")");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
