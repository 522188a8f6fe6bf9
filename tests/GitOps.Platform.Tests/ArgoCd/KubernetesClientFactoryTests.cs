using GitOps.Platform.Kubernetes;

namespace GitOps.Platform.Tests.ArgoCd;

public sealed class KubernetesClientFactoryTests
{
    [Fact]
    public void A_missing_kubeconfig_is_reported_with_its_path_and_what_to_do()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "kubeconfig");

        var error = Should.Throw<KubeconfigException>(() => KubernetesClientFactory.FromKubeconfig(path));

        error.Message.ShouldBe($"{path}: kubeconfig not found; run Provision (or ProvisionManagementCluster) first, or pass --mgmt-kubeconfig");
    }
}
