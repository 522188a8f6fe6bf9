using GitOps.Platform.Clouds;

namespace GitOps.Platform.Tests.Clouds;

public sealed class CloudEnvironmentTests : IDisposable
{
    private readonly ICloudProvider gcp = CloudProviders.Get("gcp");
    private readonly DirectoryInfo home = Directory.CreateTempSubdirectory("gitops-home-");

    [Fact]
    public void Google_needs_no_variable_because_gclouds_application_default_credentials_file_is_enough()
    {
        var adc = Path.Combine(home.FullName, ".config", "gcloud", "application_default_credentials.json");
        Directory.CreateDirectory(Path.GetDirectoryName(adc)!);
        File.WriteAllText(adc, "{}");
        var environment = new Dictionary<string, string> { ["HOME"] = home.FullName };

        CloudEnvironment.Missing(gcp, environment.GetValueOrDefault).ShouldBeEmpty();
        Should.NotThrow(() => CloudEnvironment.Require(gcp, environment.GetValueOrDefault));
    }

    [Fact]
    public void A_credentials_file_named_by_GOOGLE_APPLICATION_CREDENTIALS_passes()
    {
        var file = Path.Combine(home.FullName, "credentials.json");
        File.WriteAllText(file, "{}");
        var environment = new Dictionary<string, string> { ["GOOGLE_APPLICATION_CREDENTIALS"] = file };

        Should.NotThrow(() => CloudEnvironment.Require(gcp, environment.GetValueOrDefault));
    }

    [Fact]
    public void No_credentials_at_all_say_how_to_get_them_locally_and_in_ci()
    {
        var failure = Should.Throw<CloudConfigurationException>(
            () => CloudEnvironment.Require(gcp, name => name == "HOME" ? home.FullName : null));

        failure.Message.ShouldBe(
            $"No Google credentials: run 'gcloud auth application-default login' (writes {home.FullName}/.config/gcloud/application_default_credentials.json) "
            + "or set GOOGLE_APPLICATION_CREDENTIALS; in GitLab CI the build makes them from the job's OIDC token GCP_ID_TOKEN");
    }

    [Fact]
    public void A_GOOGLE_APPLICATION_CREDENTIALS_pointing_nowhere_is_named()
    {
        var failure = Should.Throw<CloudConfigurationException>(
            () => CloudEnvironment.Require(gcp, name => name == "GOOGLE_APPLICATION_CREDENTIALS" ? "/nowhere/key.json" : null));

        failure.Message.ShouldBe(
            "GOOGLE_APPLICATION_CREDENTIALS=/nowhere/key.json: file not found; point it at a Google credentials file, or unset it to use gcloud's application default credentials");
    }

    public void Dispose() => home.Delete(recursive: true);
}
