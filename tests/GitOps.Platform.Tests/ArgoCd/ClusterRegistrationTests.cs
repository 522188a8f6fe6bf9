using System.Text;
using System.Text.Json.Nodes;
using GitOps.Platform.ArgoCd;
using GitOps.Targets.Output;
using GitOps.TestDoubles.Kubernetes;

namespace GitOps.Platform.Tests.ArgoCd;

public sealed class ClusterRegistrationTests
{
    private const string Token = "eyJhbGciOiJSUzI1NiJ9.secret-service-account-token";

    [Fact]
    public async Task Register_applies_a_declarative_argo_cd_cluster_secret_without_logging_the_token()
    {
        await using var cluster = await ArgoCdCluster.StartAsync();
        var masker = new SecretMasker();

        await new ClusterRegistration(cluster.Client, cluster.Log, masker).RegisterAsync(Cluster("dev-gcp", "dev", new BearerTokenAuth(Token)));

        var secret = cluster.Server.Store.Get(ResourceType.Secret, "argocd", "cluster-dev-gcp").ShouldNotBeNull();
        secret["metadata"]!["labels"]!["argocd.argoproj.io/secret-type"]!.GetValue<string>().ShouldBe("cluster");
        secret["metadata"]!["labels"]!["gitops.platform/stage"]!.GetValue<string>().ShouldBe("dev");
        Data(secret, "name").ShouldBe("dev-gcp");
        Data(secret, "server").ShouldBe("https://34.1.2.3");
        var config = JsonNode.Parse(Data(secret, "config"))!;
        config["bearerToken"]!.GetValue<string>().ShouldBe(Token);
        config["tlsClientConfig"]!["caData"]!.GetValue<string>().ShouldBe("LS0tLS1CRUdJTg==");
        cluster.Log.Text.ShouldNotContain(Token);
        cluster.Calls.ShouldAllBe(call => !call.Detail.Contains(Token, StringComparison.Ordinal));
        masker.Apply($"token {Token}").ShouldBe("token ***");
    }

    [Fact]
    public async Task Exec_authentication_writes_argo_cds_own_gke_credential_plugin_and_no_token()
    {
        await using var cluster = await ArgoCdCluster.StartAsync();

        await new ClusterRegistration(cluster.Client, cluster.Log).RegisterAsync(Cluster("dev-gcp", "dev", ExecProviderAuth.ArgoCdGcp));

        var config = JsonNode.Parse(Data(cluster.Server.Store.Get(ResourceType.Secret, "argocd", "cluster-dev-gcp")!, "config"))!.AsObject();
        config["execProviderConfig"]!["command"]!.GetValue<string>().ShouldBe("argocd-k8s-auth");
        config["execProviderConfig"]!["args"]!.AsArray().Select(argument => argument!.GetValue<string>()).ShouldBe(["gcp"]);
        config["execProviderConfig"]!["apiVersion"]!.GetValue<string>().ShouldBe("client.authentication.k8s.io/v1beta1");
        config.ContainsKey("bearerToken").ShouldBeFalse();
    }

    [Fact]
    public async Task Registering_again_changes_nothing()
    {
        await using var cluster = await ArgoCdCluster.StartAsync();
        var registration = new ClusterRegistration(cluster.Client, NullLog.Instance);
        await registration.RegisterAsync(Cluster("dev-gcp", "dev", new BearerTokenAuth(Token)));
        var version = cluster.Server.Store.Get(ResourceType.Secret, "argocd", "cluster-dev-gcp")!["metadata"]!["resourceVersion"]!.GetValue<string>();

        await registration.RegisterAsync(Cluster("dev-gcp", "dev", new BearerTokenAuth(Token)));

        cluster.Server.Store.Get(ResourceType.Secret, "argocd", "cluster-dev-gcp")!["metadata"]!["resourceVersion"]!.GetValue<string>().ShouldBe(version);
    }

    [Fact]
    public async Task Destroying_the_management_cluster_is_refused_while_clusters_of_its_stage_are_registered()
    {
        await using var cluster = await ArgoCdCluster.StartAsync();
        var registration = new ClusterRegistration(cluster.Client, cluster.Log);
        await registration.RegisterAsync(Cluster("dev-gcp", "dev", new BearerTokenAuth(Token)));
        await registration.RegisterAsync(Cluster("qa-gcp", "qa", new BearerTokenAuth(Token)));

        var refusal = await Should.ThrowAsync<ManagementClusterInUseException>(() => registration.EnsureNoneRegisteredAsync("dev"));
        refusal.Clusters.ShouldBe([new RegisteredCluster("cluster-dev-gcp", "dev-gcp", "https://34.1.2.3")]);
        refusal.Message.ShouldContain("Refusing to destroy the management cluster of stage 'dev'");

        (await registration.RemoveAsync("dev-gcp")).ShouldBeTrue();
        await registration.EnsureNoneRegisteredAsync("dev");
        (await registration.RegisteredClustersAsync("qa")).ShouldHaveSingleItem().Name.ShouldBe("qa-gcp");
        (await registration.RemoveAsync("dev-gcp")).ShouldBeFalse();
    }

    private static EnvironmentCluster Cluster(string name, string stage, ClusterAuth auth) =>
        new() { Name = name, Stage = stage, Server = "https://34.1.2.3", CaData = "LS0tLS1CRUdJTg==", Auth = auth };

    private static string Data(JsonObject secret, string key) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]![key]!.GetValue<string>()));
}
