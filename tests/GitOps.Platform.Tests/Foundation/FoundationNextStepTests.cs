using GitOps.Platform.Clouds;
using GitOps.Platform.Clouds.Google;
using GitOps.Platform.Foundation;

namespace GitOps.Platform.Tests.Foundation;

/// <summary>What ProvisionFoundation says after the apply: pipelines need the committed values to be what Terraform made.</summary>
public sealed class FoundationNextStepTests
{
    private static readonly CommittedDeployer Prod = CommittedDeployer.Load(RepositoryRoot.Path, "prod");

    [Fact]
    public void When_the_repository_commits_what_terraform_created_it_names_the_one_variable_left_to_set()
    {
        var outputs = new FoundationOutputs("eurodat-prod-17320-tfstate", Prod.ServiceAccount, Prod.Provider, WorkloadIdentityCredentials.Audience(Prod.Provider));

        outputs.NextStep(Prod).ShouldBe(
            "stage prod: pipelines take the provider and deployer from environments/terraform/gcp/stages/foundation/prod.tfvars; set the protected CI/CD variable "
            + "GCP_WORKLOAD_IDENTITY_PROVIDER=projects/223606797749/locations/global/workloadIdentityPools/gitlab-prod/providers/gitlab (the jobs' id_tokens aud is built from it; "
            + "GCP_DEPLOYER_SERVICE_ACCOUNT and TF_STATE_BUCKET are not needed, eurodat-prod-17320-tfstate is committed)");
    }

    [Fact]
    public void A_repository_that_commits_another_project_number_is_told_before_any_pipeline_runs()
    {
        var created = "projects/999999999999/locations/global/workloadIdentityPools/gitlab-prod/providers/gitlab";
        var outputs = new FoundationOutputs("eurodat-prod-17320-tfstate", Prod.ServiceAccount, created, WorkloadIdentityCredentials.Audience(created));

        Should.Throw<CloudConfigurationException>(() => outputs.NextStep(Prod)).Message.ShouldContain("fix project_id / project_number there");
        Should.Throw<CloudConfigurationException>(() => outputs.NextStep(Prod with { ProjectNumber = null })).Message
            .ShouldStartWith("environments/terraform/gcp/stages/foundation/prod.tfvars sets no project_number");
    }
}
