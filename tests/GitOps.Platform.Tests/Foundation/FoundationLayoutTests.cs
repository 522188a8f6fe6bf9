using GitOps.Platform.Clouds;
using GitOps.Platform.Foundation;

namespace GitOps.Platform.Tests.Foundation;

/// <summary>The foundation refuses to run when the shell names another Google project than the stage's tfvars.</summary>
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
            new FoundationLayout(RepositoryRoot.Path, "bucket", environment.GetValueOrDefault).For("dev"));

        failure.Message.ShouldBe(
            $"{variable} is 'eurodat-prod-17320' but environments/terraform/gcp/stages/foundation/dev.tfvars:3 puts the foundation of stage dev "
            + $"in project_id 'eurodat-dev-31415'; unset {variable} or set it to 'eurodat-dev-31415'. Nothing was run.");
    }

    [Fact]
    public void The_stages_own_project_in_the_environment_is_accepted()
    {
        var environment = new Dictionary<string, string?> { ["GOOGLE_PROJECT"] = "eurodat-dev-31415", ["CLOUDSDK_CORE_PROJECT"] = "eurodat-dev-31415" };

        new FoundationLayout(RepositoryRoot.Path, "bucket", environment.GetValueOrDefault).For("dev").Stage.ShouldBe("dev");
    }
}
