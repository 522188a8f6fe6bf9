using GitOps.Platform.Kubeconfig;
using GitOps.Platform.Kubernetes;

namespace GitOps.Platform.Tests.Kubeconfig;

/// <summary>A kubeconfig the client cannot use is one line naming the file (and line), never its content.</summary>
public sealed class KubeconfigFileTests : IDisposable
{
    private const string Valid = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: fake
          cluster:
            server: https://127.0.0.1:6443
        contexts:
        - name: fake
          context:
            cluster: fake
            user: fake
        current-context: fake
        users:
        - name: fake
          user:
            token: canary-kubeconfig-token
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("gitops-kubeconfig-").FullName;

    private string PathOf => Path.Combine(directory, "kubeconfig");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_complete_kubeconfig_passes_and_builds_a_client()
    {
        File.WriteAllText(PathOf, Valid);
        KubeconfigFile.Validate(PathOf);
        using var client = KubernetesClientFactory.FromKubeconfig(PathOf);
        client.BaseUri.ToString().ShouldBe("https://127.0.0.1:6443/");
    }

    [Theory]
    [InlineData("", ": is empty; a kubeconfig has clusters, contexts, users and a current-context (as kubectl config view shows)")]
    [InlineData("   \n\n", ": is empty; a kubeconfig has clusters")]
    [InlineData("canary-junk-value", ": not a kubeconfig (not a YAML mapping)")]
    [InlineData("- a\n- b\n", ": not a kubeconfig (not a YAML mapping)")]
    [InlineData("clusters: [\n", ":2: not valid YAML (")]
    [InlineData("key: value\n  bad: indent\n", ":2: not valid YAML (")]
    [InlineData("kind: Pod\n", ":1: kind is 'Pod', not Config")]
    [InlineData("apiVersion: v1\nkind: Config\n", ":1: no current-context")]
    public void A_file_that_is_no_kubeconfig_is_named_with_what_is_wrong(string content, string expected)
    {
        File.WriteAllText(PathOf, content);
        var error = Should.Throw<KubeconfigException>(() => KubernetesClientFactory.FromKubeconfig(PathOf));
        error.Message.ShouldStartWith(PathOf + expected);
        error.Message.ShouldNotContain("canary");
        error.Message.ShouldNotContain(Environment.NewLine);
    }

    [Theory]
    [InlineData("current-context: fake", "current-context: other", ":12: context 'other' is not among its contexts (fake)")]
    [InlineData("    cluster: fake\n    user: fake", "    cluster: elsewhere\n    user: fake", ":10: context 'fake' names cluster 'elsewhere', which is not among its clusters (fake)")]
    [InlineData("    user: fake\ncurrent", "    user: nobody\ncurrent", ":10: context 'fake' names user 'nobody', which is not among its users (fake)")]
    [InlineData("    server: https://127.0.0.1:6443", "    server: 127.0.0.1:6443", ":6: cluster 'fake' has no server URL (https://host:port)")]
    [InlineData("users:\n- name: fake", "users:\n- nom: fake", ":14: an entry of users has no name")]
    public void A_mistyped_kubeconfig_names_the_line_and_the_reference_that_does_not_resolve(string from, string to, string expected)
    {
        File.WriteAllText(PathOf, Valid.Replace(from, to, StringComparison.Ordinal));
        var error = Should.Throw<KubeconfigException>(() => KubeconfigFile.Validate(PathOf));
        error.Message.ShouldBe(PathOf + expected);
    }

    [Fact]
    public void A_kubeconfig_that_is_not_utf8_names_the_line()
    {
        File.WriteAllBytes(PathOf, [.. "apiVersion: v1\nkind: Config\nusers: caf"u8.ToArray(), 0xE9, (byte)'\n']);
        Should.Throw<KubeconfigException>(() => KubernetesClientFactory.FromKubeconfig(PathOf))
            .Message.ShouldBe($"{PathOf}:3: not UTF-8 text; a kubeconfig is YAML");
    }

    [Fact]
    public void A_directory_where_the_kubeconfig_should_be_is_named()
    {
        Directory.CreateDirectory(PathOf);
        Should.Throw<KubeconfigException>(() => KubernetesClientFactory.FromKubeconfig(PathOf))
            .Message.ShouldBe($"{PathOf}: is a directory, not a kubeconfig file");
    }
}
