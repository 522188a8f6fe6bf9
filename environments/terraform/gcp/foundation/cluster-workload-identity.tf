# Which Kubernetes service accounts act as the clusters' Google identities (Workload Identity Federation for GKE).
# Bound here, by the admin who runs the foundation, and not by the deployer in the cluster roots: binding them needs
# setIamPolicy on the accounts, and whoever holds that can bind itself too.
#
# GKE creates the project's pool <project>.svc.id.goog with the project's first cluster, and IAM refuses members of a
# pool that does not exist ("Identity Pool does not exist"). So on a new project these wait: once the stage's
# management cluster exists, set gke_workload_identity_pool_exists = true in the stage's foundation tfvars and run
# ProvisionFoundation again, before Provision creates the environment cluster (README: "First time on a new GCP project").
resource "google_service_account_iam_member" "argocd_workload_identity" {
  count = var.gke_workload_identity_pool_exists ? 1 : 0

  # Only the application controller: it is the component that syncs to the environment clusters. argocd-server has
  # an account of its own, read-only (below).
  service_account_id = google_service_account.argocd.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${var.argocd_namespace}/argocd-application-controller]"
}

resource "google_service_account_iam_member" "argocd_server_workload_identity" {
  count = var.gke_workload_identity_pool_exists ? 1 : 0

  # argocd-server reads pod logs and live manifests of the environment clusters for the UI; read-only there.
  service_account_id = google_service_account.argocd_server.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${var.argocd_namespace}/argocd-server]"
}

resource "google_service_account_iam_member" "external_dns_workload_identity" {
  count = var.gke_workload_identity_pool_exists ? 1 : 0

  # external-dns (namespace and service account external-dns, charts/app-of-apps) in the environment clusters.
  service_account_id = google_service_account.external_dns.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[external-dns/external-dns]"
}
