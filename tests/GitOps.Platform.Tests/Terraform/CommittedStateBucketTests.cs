using GitOps.Platform.Clouds;
using GitOps.Platform.Terraform;

namespace GitOps.Platform.Tests.Terraform;

/// <summary>A pipeline variable may set TF_STATE_BUCKET; a stage that commits its bucket accepts no other.</summary>
public sealed class CommittedStateBucketTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("gitops-state-bucket-").FullName;

    public CommittedStateBucketTests()
    {
        var directory = Directory.CreateDirectory(Path.Combine(root, "environments/terraform/gcp/stages/foundation")).FullName;
        File.WriteAllText(Path.Combine(directory, "prod.tfvars"), "project_id   = \"eurodat-prod-17320\"\nstate_bucket = \"eurodat-prod-17320-tfstate\"\n");
        File.WriteAllText(Path.Combine(directory, "dev.tfvars"), "project_id = \"eurodat-dev-31415\"\n");
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Another_bucket_than_the_committed_one_is_refused_in_one_line()
    {
        var refused = Should.Throw<CloudConfigurationException>(() => CommittedStateBucket.Resolve(root, "prod", "attacker-bucket"));

        refused.Message.ShouldBe("TF_STATE_BUCKET (or --tf-state-bucket) is 'attacker-bucket' but environments/terraform/gcp/stages/foundation/prod.tfvars "
            + "keeps stage prod's state in 'eurodat-prod-17320-tfstate'; unset it or set it to 'eurodat-prod-17320-tfstate'. Nothing was run.");
    }

    [Theory]
    [InlineData("prod", null, "eurodat-prod-17320-tfstate")]
    [InlineData("prod", "eurodat-prod-17320-tfstate", "eurodat-prod-17320-tfstate")]
    [InlineData("dev", "dev-bucket", "dev-bucket")]
    [InlineData("dev", null, null)]
    public void The_committed_bucket_is_used_and_a_stage_without_one_takes_the_given_one(string stage, string? given, string? expected) =>
        CommittedStateBucket.Resolve(root, stage, given).ShouldBe(expected);

    [Fact]
    public void Environment_clusters_of_the_stage_are_held_to_it_too()
    {
        var environment = new Dictionary<string, string?> { ["TF_STATE_BUCKET"] = "attacker-bucket" };

        Should.Throw<CloudConfigurationException>(() => new TerraformWorkspaceLayout(root, null, name => environment.GetValueOrDefault(name))
            .ForEnvironment("prod", CloudProviders.Get("gcp")))
            .Message.ShouldContain("keeps stage prod's state in 'eurodat-prod-17320-tfstate'");
    }
}
