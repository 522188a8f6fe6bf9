using GitOps.Platform.Foundation;

namespace GitOps.Platform.Tests.Foundation;

/// <summary>
/// argocd-server's Google account (for the UI's pod logs on environment clusters) is its own, holds clusterViewer on
/// the project and nothing else, and only argocd-server's Kubernetes service account acts as it, once the pool exists.
/// </summary>
public sealed class ArgoCdServerIdentityTests
{
    [Fact]
    public async Task Argocd_server_has_its_own_account_with_only_cluster_viewer_bound_to_its_service_account_once_the_pool_exists()
    {
        var resources = await DeployerPrivilegeTests.ResourcesAsync(FoundationLayout.ModuleDirectory);

        var account = resources.Single(resource => resource.Type == "google_service_account" && resource.Name == "argocd_server");
        account.Body["account_id"]!.ToString().ShouldBe("argocd-server-${var.stage}");
        resources.Where(resource => resource.Type.EndsWith("_iam_member", StringComparison.Ordinal)
                && resource.Type != "google_service_account_iam_member"
                && (resource.Body["member"]?.ToString().Contains("google_service_account.argocd_server.", StringComparison.Ordinal) ?? false))
            .Select(resource => $"{resource.Type}:{resource.Body["role"]}")
            .ShouldBe(["google_project_iam_member:roles/container.clusterViewer"]);
        var workloadIdentity = resources.Where(resource => resource.Type == "google_service_account_iam_member"
            && resource.Body["service_account_id"]!.ToString() == "${google_service_account.argocd_server.name}"
            && resource.Body["role"]!.ToString() != "roles/iam.serviceAccountViewer").ShouldHaveSingleItem(); // the deployer only reads it
        workloadIdentity.Body["role"]!.ToString().ShouldBe("roles/iam.workloadIdentityUser");
        workloadIdentity.Body["member"]!.ToString().ShouldBe("serviceAccount:${var.project_id}.svc.id.goog[${var.argocd_namespace}/argocd-server]");
        workloadIdentity.Body["count"]!.ToString().ShouldBe("${var.gke_workload_identity_pool_exists ? 1 : 0}");
    }
}
