using System.Runtime.Versioning;
using GitOps.Platform.Kubeconfig;
using GitOps.Platform.Terraform;

namespace GitOps.Platform.Tests.Terraform;

public sealed class ClusterProvisionerTests : IDisposable
{
    private readonly TerraformTestModule module = new();
    private readonly ClusterProvisioner provisioner;

    public ClusterProvisionerTests() =>
        provisioner = new ClusterProvisioner(
            module.Runner, module.Masker, module.Log, new KubeconfigStore(module.TempDirectory, module.Masker), module.Settings);

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Provisioning_returns_what_argo_cd_needs_and_writes_an_owner_only_kubeconfig()
    {
        var cluster = await provisioner.ProvisionAsync(module.Workspace, CancellationToken.None);

        cluster.Name.ShouldBe("gitops-dev-europe");
        cluster.Server.ShouldBe("https://10.0.0.1");
        cluster.CaCertificate.ShouldBe(Convert.ToBase64String("test-ca"u8));
        cluster.KubeconfigPath.ShouldBe(Path.Combine(module.TempDirectory, "dev-gcp", "kubeconfig"));
        (await File.ReadAllTextAsync(cluster.KubeconfigPath)).ShouldContain(module.Token);
        File.GetUnixFileMode(cluster.KubeconfigPath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        module.Runner.Commands.ShouldBe(["init", "plan", "apply", "output"]);
        module.Log.Text.ShouldNotContain(module.Token);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task The_terraform_data_directory_and_plan_are_owner_only_even_when_an_older_build_left_them_open()
    {
        const UnixFileMode Open = (UnixFileMode)0b111_101_101;
        var dataDirectory = module.Workspace.DataDirectory;
        var terraformDirectory = Path.GetDirectoryName(dataDirectory)!;
        Directory.CreateDirectory(dataDirectory, Open);
        File.SetUnixFileMode(terraformDirectory, Open);
        File.SetUnixFileMode(dataDirectory, Open);
        var planFiles = new List<UnixFileMode>();
        var terraform = module.CreateDriver();
        await terraform.InitAsync(module.Workspace.BackendConfig, reconfigure: false, CancellationToken.None);

        await terraform.PlanAsync(module.Workspace.VarFiles, module.Workspace.Variables, module.Workspace.PlanFile, destroy: false, CancellationToken.None);
        planFiles.Add(File.GetUnixFileMode(module.Workspace.PlanFile));
        await provisioner.ProvisionAsync(module.Workspace, CancellationToken.None);

        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        File.GetUnixFileMode(dataDirectory).ShouldBe(OwnerOnly);
        File.GetUnixFileMode(terraformDirectory).ShouldBe(OwnerOnly);
        planFiles.ShouldBe([UnixFileMode.UserRead | UnixFileMode.UserWrite]);
    }

    [Fact]
    public async Task Provisioning_again_applies_nothing_and_still_refreshes_the_kubeconfig()
    {
        var first = await provisioner.ProvisionAsync(module.Workspace, CancellationToken.None);
        File.Delete(first.KubeconfigPath);
        module.Runner.Clear();

        var second = await provisioner.ProvisionAsync(module.Workspace, CancellationToken.None);

        module.Runner.Commands.ShouldBe(["init", "plan", "output"]);
        (second with { Outputs = first.Outputs }).ShouldBe(first);
        File.Exists(second.KubeconfigPath).ShouldBeTrue();
        File.Exists(module.Workspace.PlanFile).ShouldBeFalse();
    }

    [Fact]
    public async Task Refreshing_the_kubeconfig_reads_the_state_without_planning()
    {
        await provisioner.ProvisionAsync(module.Workspace, CancellationToken.None);
        module.Runner.Clear();

        var cluster = await provisioner.RefreshKubeconfigAsync(module.Workspace, CancellationToken.None);

        module.Runner.Commands.ShouldBe(["init", "output"]);
        File.Exists(cluster.KubeconfigPath).ShouldBeTrue();
    }

    [Fact]
    public async Task Refreshing_a_cluster_that_was_never_provisioned_says_so()
    {
        var failure = await Should.ThrowAsync<ClusterNotProvisionedException>(
            () => provisioner.RefreshKubeconfigAsync(module.Workspace, CancellationToken.None));

        failure.Message.ShouldBe(
            $"dev-gcp: the Terraform state at {module.StatePath} lacks the outputs cluster_name, cluster_endpoint, "
            + "cluster_ca_certificate, kubeconfig; provision the cluster first");
    }

    [Fact]
    public async Task Destroying_removes_the_resources_and_the_kubeconfig()
    {
        var cluster = await provisioner.ProvisionAsync(module.Workspace, CancellationToken.None);

        await provisioner.DestroyAsync(module.Workspace, CancellationToken.None);

        File.Exists(cluster.KubeconfigPath).ShouldBeFalse();
        (await module.CreateDriver().OutputsAsync(CancellationToken.None)).All.ShouldBeEmpty();
    }

    public void Dispose() => module.Dispose();
}
