using GitOps.Platform.Environments;
using k8s;
using GitOps.Platform.Lifecycle;
using GitOps.TestDoubles.Google;

namespace GitOps.Platform.Tests.Lifecycle;

/// <summary>
/// The whole lifecycle as a GitLab job would run it against GKE: GitLab's OIDC token exchanged through Workload
/// Identity Federation (loopback STS and iamcredentials), kubeconfigs that name gke-gcloud-auth-plugin while neither it
/// nor gcloud is installed, and an API server that accepts only the Google access tokens issued to the deployer.
/// </summary>
public sealed class GkeWorkloadIdentityTests
{
    private const string IdToken = "eyJhbGciOiJSUzI1NiJ9.gitlab-oidc-canary-4f1d.signature";
    private static readonly DestroyApproval Local = new(null, Pipeline: false, ManualJob: false);

    [Fact]
    public async Task Provision_deploy_and_destroy_reach_gke_with_the_jobs_oidc_token_and_no_gcloud()
    {
        await using var google = await FakeGoogleTokenService.StartAsync();
        await using var world = await LifecycleWorld.StartAsync();
        world.UseGkeWorkloadIdentity(google, IdToken);

        await world.DeployDevAsync();
        var secret = world.Server.Store.Get(TestDoubles.Kubernetes.ResourceType.Secret, "argocd", "cluster-eurodat-dev-gcp").ShouldNotBeNull();
        var config = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"]!["config"]!.GetValue<string>())))!.AsObject();
        config["execProviderConfig"]!["command"]!.GetValue<string>().ShouldBe("argocd-k8s-auth");
        config["execProviderConfig"]!["args"]![0]!.GetValue<string>().ShouldBe("gcp");
        config.ContainsKey("bearerToken").ShouldBeFalse();
        await new EnvironmentLifecycle(world.Context()).DestroyAsync(LifecycleWorld.DevGcp, TimeSpan.FromSeconds(30), Local, CancellationToken.None);

        world.ApplicationsOf(LifecycleWorld.DevParent).ShouldBe(0);
        world.Server.RefusedCredentials.ShouldBe(0);
        google.Requests.ShouldContain("sts ok");
        google.Requests.ShouldContain("generateAccessToken ok");
        google.Requests.ShouldAllBe(request => request.EndsWith(" ok", StringComparison.Ordinal));

        // Terraform's google provider reads the same Workload Identity file, present while terraform runs, gone after.
        var credentials = Path.Combine(world.TemporaryDirectory, "google", "external-account.json");
        world.Runner.GoogleCredentialsSeen.ShouldNotBeEmpty();
        world.Runner.GoogleCredentialsSeen.ShouldAllBe(seen => seen.Path == credentials && seen.Existed);
        File.Exists(credentials).ShouldBeFalse();
        File.Exists(Path.Combine(world.TemporaryDirectory, "google", "gitlab-oidc-token")).ShouldBeFalse();
    }

    [Fact]
    public async Task Helm_gets_a_short_lived_owner_only_kubeconfig_with_a_valid_token_that_is_gone_afterwards()
    {
        await using var google = await FakeGoogleTokenService.StartAsync();
        await using var world = await LifecycleWorld.StartAsync();
        world.UseGkeWorkloadIdentity(google, IdToken);

        await new ManagementClusterLifecycle(world.Context()).ProvisionAsync(Stage.Dev, Platform.Environments.Cloud.Gcp, CancellationToken.None);

        var kubeconfig = world.Installer.Installs.Single().Kubeconfig;
        var (mode, content) = world.Installer.KubeconfigsSeen.Single();
        if (!OperatingSystem.IsWindows())
        {
            mode.ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        google.IssuedAccessTokens.ShouldContain(token => content.Contains(token, StringComparison.Ordinal) && google.IsValidAccessToken(token));
        content.ShouldNotContain("gke-gcloud-auth-plugin");
        var copy = Path.Combine(world.Root, "helm-kubeconfig-as-helm-read-it");
        await File.WriteAllTextAsync(copy, content);
        using (var client = new k8s.Kubernetes(k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(copy)))
        {
            await client.CoreV1.ListNamespacedSecretAsync("argocd");
        }

        File.Delete(copy);
        world.Server.RefusedCredentials.ShouldBe(0);
        File.Exists(kubeconfig).ShouldBeFalse();
        Directory.Exists(Path.GetDirectoryName(kubeconfig)).ShouldBeFalse();
    }

    [Fact]
    public async Task Neither_the_oidc_token_nor_an_access_token_is_left_in_any_output_or_file()
    {
        await using var google = await FakeGoogleTokenService.StartAsync();
        await using var world = await LifecycleWorld.StartAsync();
        world.UseGkeWorkloadIdentity(google, IdToken);

        await world.DeployDevAsync();

        var canaries = google.IssuedAccessTokens.Append(IdToken).ToArray();
        canaries.Length.ShouldBeGreaterThan(1);
        foreach (var canary in canaries)
        {
            world.Log.Text.ShouldNotContain(canary);
            world.Masker.Apply($"x {canary} y").ShouldBe("x *** y");
        }

        foreach (var file in Directory.EnumerateFiles(world.Root, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            canaries.ShouldNotContain(canary => text.Contains(canary, StringComparison.Ordinal), $"{file} holds a token");
        }
    }

    [Fact]
    public async Task An_api_server_refusing_the_token_is_named_with_401_and_the_kubeconfig()
    {
        await using var google = await FakeGoogleTokenService.StartAsync();
        await using var world = await LifecycleWorld.StartAsync();
        world.UseGkeWorkloadIdentity(google, IdToken);
        await new ManagementClusterLifecycle(world.Context()).ProvisionAsync(Stage.Dev, Platform.Environments.Cloud.Gcp, CancellationToken.None);
        world.Server.RequireBearerToken(_ => false);

        var failure = await Should.ThrowAsync<Exception>(() =>
            new EnvironmentLifecycle(world.Context()).DeployAppOfAppsAsync(LifecycleWorld.DevGcp, TimeSpan.FromSeconds(10), CancellationToken.None));

        failure.Message.ShouldContain("401");
        world.Server.RefusedCredentials.ShouldBeGreaterThan(0);
    }
}
