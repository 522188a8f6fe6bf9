using GitOps.Platform.Clouds;
using GitOps.Platform.Clouds.Google;
using GitOps.Platform.Kubeconfig;
using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.Kubeconfig;

public sealed class ClusterAccessTests : IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("gitops-access-");

    [Fact]
    public async Task A_kubeconfig_with_its_own_credentials_goes_to_helm_unchanged_and_needs_no_google_credentials()
    {
        var kubeconfig = Write("kubeconfig", "user:\n    token: static-test-token");
        var access = new ClusterAccess(() => throw new InvalidOperationException("Google credentials were not needed"), temp.FullName);

        await using var helm = await access.ForHelmAsync(kubeconfig, TimeSpan.FromMinutes(15), CancellationToken.None);

        helm.Path.ShouldBe(kubeconfig);
        helm.HoldsToken.ShouldBeFalse();
        using var client = access.Client(kubeconfig);
    }

    [Fact]
    public void A_gke_kubeconfig_without_any_google_credentials_says_how_to_get_them()
    {
        var kubeconfig = Write("kubeconfig", "user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: gke-gcloud-auth-plugin");
        var access = new ClusterAccess(
            () => GoogleAccessTokens.FromFile(GoogleCredentialFile.Locate(name => name == "HOME" ? temp.FullName : null), new SecretMasker(), inPipeline: false),
            temp.FullName);

        var failure = Should.Throw<CloudConfigurationException>(() => access.Client(kubeconfig));

        failure.Message.ShouldStartWith("No Google credentials: run 'gcloud auth application-default login'");
    }

    public void Dispose() => temp.Delete(recursive: true);

    private string Write(string name, string user)
    {
        var path = Path.Combine(temp.FullName, name);
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster:
                server: https://127.0.0.1:1
            contexts:
            - name: c
              context:
                cluster: c
                user: u
            current-context: c
            users:
            - name: u
              {user}
            """);
        return path;
    }
}
