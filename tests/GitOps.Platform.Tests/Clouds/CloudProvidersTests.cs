using GitOps.Platform.Clouds;

namespace GitOps.Platform.Tests.Clouds;

public sealed class CloudProvidersTests
{
    [Fact]
    public void Gcp_is_supported_and_knows_where_its_terraform_lives()
    {
        var gcp = CloudProviders.Get("gcp");

        gcp.ShouldBeOfType<GoogleCloudProvider>();
        gcp.EnvironmentModuleDirectory.ShouldBe("environments/terraform/gcp/environment-cluster");
        gcp.ManagementModuleDirectory.ShouldBe("environments/terraform/gcp/management-cluster");
        gcp.RequiredEnvironmentVariables.ShouldBeEmpty();
        CloudProviders.Names.ShouldBe(["gcp"]);
    }

    [Theory]
    [InlineData("aws")]
    [InlineData("azure")]
    [InlineData("GCP")]
    public void Any_other_cloud_fails_naming_the_supported_ones(string name)
    {
        var failure = Should.Throw<CloudConfigurationException>(() => CloudProviders.Get(name));

        failure.Message.ShouldBe($"Cloud '{name}' is not supported; supported clouds: gcp");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_cloud_at_all_fails_naming_the_supported_ones(string? name)
    {
        var failure = Should.Throw<CloudConfigurationException>(() => CloudProviders.Get(name));

        failure.Message.ShouldBe("No cloud given; supported clouds: gcp");
    }

    [Fact]
    public void Every_module_directory_of_every_cloud_exists_in_the_repository()
    {
        var root = RepositoryRoot.Path;

        foreach (var cloud in CloudProviders.All)
        {
            Directory.Exists(Path.Combine(root, cloud.EnvironmentModuleDirectory)).ShouldBeTrue(cloud.EnvironmentModuleDirectory);
            Directory.Exists(Path.Combine(root, cloud.ManagementModuleDirectory)).ShouldBeTrue(cloud.ManagementModuleDirectory);
        }
    }
}
