using GitOps.Platform.E2e;
using GitOps.Platform.Environments;
using GitOps.Platform.Promotion;

namespace GitOps.Platform.Tests.E2e;

public sealed class EnvironmentUrlTests
{
    [Fact]
    public void Every_environment_of_the_repository_has_its_portal_url()
    {
        var catalog = StageCatalog.Load(Path.Combine(RepositoryRoot.Path, "environments", "stages.yaml"));

        var urls = catalog.Environments.Select(environment => EnvironmentLayout.ValuesFile(environment))
            .Select(path => EnvironmentUrl.Read(File.ReadAllText(Path.Combine(RepositoryRoot.Path, path)), path))
            .ToList();

        urls.ShouldContain("https://portal.qa.gcp.eurodat.example");
        urls.ShouldAllBe(url => url.StartsWith("https://portal.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_values_file_without_the_portal_host_names_file_and_key()
    {
        var error = Should.Throw<ValuesFileException>(() => EnvironmentUrl.Read("deployedRelease: 1.0.0\n", "values-qa-gcp.yaml"));

        error.Message.ShouldStartWith("values-qa-gcp.yaml:1:");
        error.Message.ShouldContain(EnvironmentUrl.HostKey);
    }
}
