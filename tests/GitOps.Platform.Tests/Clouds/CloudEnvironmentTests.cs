using GitOps.Platform.Clouds;

namespace GitOps.Platform.Tests.Clouds;

public sealed class CloudEnvironmentTests
{
    private readonly ICloudProvider gcp = CloudProviders.Get("gcp");

    [Fact]
    public void Only_unset_or_blank_variables_are_missing()
    {
        var environment = new Dictionary<string, string> { ["GOOGLE_PROJECT"] = "project", ["GOOGLE_APPLICATION_CREDENTIALS"] = " " };

        CloudEnvironment.Missing(gcp, environment.GetValueOrDefault).ShouldBe(["GOOGLE_APPLICATION_CREDENTIALS"]);
    }

    [Fact]
    public void Requiring_a_complete_environment_passes()
    {
        var environment = new Dictionary<string, string> { ["GOOGLE_PROJECT"] = "p", ["GOOGLE_APPLICATION_CREDENTIALS"] = "/c.json" };

        Should.NotThrow(() => CloudEnvironment.Require(gcp, environment.GetValueOrDefault));
    }

    [Fact]
    public void Requiring_an_incomplete_environment_names_what_is_needed_and_what_is_missing()
    {
        var failure = Should.Throw<CloudConfigurationException>(
            () => CloudEnvironment.Require(gcp, name => name == "GOOGLE_PROJECT" ? "p" : null));

        failure.Message.ShouldBe(
            "Cloud 'gcp' needs the environment variables GOOGLE_APPLICATION_CREDENTIALS; not set: GOOGLE_APPLICATION_CREDENTIALS");
    }
}
