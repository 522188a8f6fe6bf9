using System.Runtime.Versioning;
using GitOps.Platform.Clouds;
using GitOps.Platform.Kubeconfig;
using GitOps.Targets.Output;

namespace GitOps.Platform.Tests.Kubeconfig;

// File modes are what is under test; on Windows the store relies on the user profile's ACLs instead.
[UnsupportedOSPlatform("windows")]
public sealed class KubeconfigStoreTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string Content = "apiVersion: v1\nusers:\n- name: gke\n  user:\n    token: ya29.secret-access-token\n";

    private readonly string temp = Directory.CreateTempSubdirectory("gitops-kubeconfig-").FullName;
    private readonly SecretMasker masker = new();
    private readonly KubeconfigStore store;

    public KubeconfigStoreTests() => store = new KubeconfigStore(temp, masker);

    [Fact]
    public async Task Kubeconfigs_go_to_a_folder_per_stage_and_cloud_or_management_cluster()
    {
        var environment = await store.WriteAsync(ClusterKey.Environment("dev", "gcp"), Content, CancellationToken.None);
        var management = await store.WriteAsync(ClusterKey.Management("dev"), Content, CancellationToken.None);

        environment.ShouldBe(Path.Combine(temp, "dev-gcp", "kubeconfig"));
        management.ShouldBe(Path.Combine(temp, "dev-mgmt", "kubeconfig"));
        (await File.ReadAllTextAsync(environment)).ShouldBe(Content);
    }

    [Fact]
    public async Task A_new_kubeconfig_is_readable_by_its_owner_only()
    {
        var path = await store.WriteAsync(ClusterKey.Environment("dev", "gcp"), Content, CancellationToken.None);

        File.GetUnixFileMode(path).ShouldBe(OwnerReadWrite);
        File.GetUnixFileMode(Path.GetDirectoryName(path)!).ShouldBe(OwnerReadWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task Replacing_a_world_readable_kubeconfig_leaves_an_owner_only_file()
    {
        var path = store.PathFor(ClusterKey.Management("qa"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "old");
        File.SetUnixFileMode(path, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await store.WriteAsync(ClusterKey.Management("qa"), Content, CancellationToken.None);

        File.GetUnixFileMode(path).ShouldBe(OwnerReadWrite);
        (await File.ReadAllTextAsync(path)).ShouldBe(Content);
        Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldBe([path]);
    }

    [Fact]
    public async Task Written_and_read_content_is_masked_everywhere_the_build_prints()
    {
        var key = ClusterKey.Environment("dev", "gcp");
        await store.WriteAsync(key, Content, CancellationToken.None);
        var other = new SecretMasker();

        var read = await new KubeconfigStore(temp, other).ReadAsync(key, CancellationToken.None);

        read.ShouldBe(Content);
        masker.Apply(Content).ShouldBe("***");
        other.Apply("    token: ya29.secret-access-token").ShouldBe("    token: ***");
    }

    [Fact]
    public async Task Reading_or_deleting_a_kubeconfig_that_was_never_written_is_harmless()
    {
        var key = ClusterKey.Environment("nightly", "gcp");

        (await store.ReadAsync(key, CancellationToken.None)).ShouldBeNull();
        store.Exists(key).ShouldBeFalse();
        Should.NotThrow(() => store.Delete(key));
    }

    public void Dispose() => Directory.Delete(temp, recursive: true);
}
