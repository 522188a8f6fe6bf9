using GitOps.Platform.Foundation;

namespace GitOps.Platform.Tests.Foundation;

/// <summary>
/// argocd-server's Google account (for the UI's pod logs on environment clusters) is its own, holds clusterViewer on
/// the project and nothing else, and only argocd-server's Kubernetes service account acts as it, once the pool exists.
/// The foundation makes it with modules/cluster-identity: the call says what it gets, the module how.
/// </summary>
public sealed class ArgoCdServerIdentityTests
{
    private const string IdentityModule = "environments/terraform/gcp/modules/cluster-identity";

    [Fact]
    public async Task Argocd_server_has_its_own_account_with_only_cluster_viewer_bound_to_its_service_account_once_the_pool_exists()
    {
        var call = (await DeployerPrivilegeTests.BlocksAsync(FoundationLayout.ModuleDirectory, "module")).Single(block => block.Name == "argocd_server").Body;

        call["source"]!.ToString().ShouldBe("../modules/cluster-identity");
        call["account_id"]!.ToString().ShouldBe("argocd-server-${var.stage}");
        call["project_roles"]!.AsArray().Select(role => role!.ToString()).ShouldBe(["roles/container.clusterViewer"]);
        call["kubernetes_service_accounts"]!.AsObject().Select(entry => $"{entry.Key}={entry.Value}").ShouldBe(["server=${var.argocd_namespace}/argocd-server"]);
        call["bind_kubernetes_service_accounts"]!.ToString().ShouldBe("${var.gke_workload_identity_pool_exists}");

        // Nothing else in the foundation grants it anything; the deployer only reads it.
        (await DeployerPrivilegeTests.ResourcesAsync(FoundationLayout.ModuleDirectory))
            .Where(resource => resource.Type.EndsWith("_iam_member", StringComparison.Ordinal)
                && ((resource.Body["member"]?.ToString().Contains("module.argocd_server.", StringComparison.Ordinal) ?? false)
                    || (resource.Body["service_account_id"]?.ToString().Contains("module.argocd_server.", StringComparison.Ordinal) ?? false))
                && resource.Body["role"]!.ToString() != "roles/iam.serviceAccountViewer")
            .Select(resource => $"{resource.Type}.{resource.Name}").ShouldBeEmpty();

        var module = await DeployerPrivilegeTests.ResourcesAsync(IdentityModule);
        module.Where(resource => resource.Type.EndsWith("_iam_member", StringComparison.Ordinal))
            .Select(resource => $"{resource.Type}.{resource.Name}: {resource.Body["role"]} for each of {resource.Body["for_each"]}")
            .ShouldBe([
                "google_project_iam_member.this: ${each.value} for each of ${var.project_roles}",
                "google_service_account_iam_member.workload_identity: roles/iam.workloadIdentityUser for each of ${var.bind_kubernetes_service_accounts ? var.kubernetes_service_accounts : {}}",
            ]);
        module.Single(resource => resource.Name == "workload_identity").Body["member"]!.ToString()
            .ShouldBe("serviceAccount:${var.project_id}.svc.id.goog[${each.value}]");
    }
}
