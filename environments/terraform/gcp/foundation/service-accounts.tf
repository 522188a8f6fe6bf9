# The Google identities the clusters use, and which Kubernetes service accounts may act as them, all created here by
# someone allowed to grant roles: the deployer holds no setIamPolicy on any service account, so it can never grant
# itself (or a workload it deploys) Argo CD's or external-dns's roles. See cluster-workload-identity.tf.

# Nodes run as this account instead of the default Compute Engine account (which has roles/editor).
module "nodes" {
  source = "../modules/cluster-identity"

  project_id   = var.project_id
  account_id   = "gke-nodes-${var.stage}"
  display_name = "GKE nodes of stage ${var.stage}"
  # What GKE's minimal node service account needs: write logs and metrics, read metrics for the autoscaler and
  # dashboards, report resource metadata. Add roles/artifactregistry.reader if images come from Artifact Registry.
  project_roles = [
    "roles/logging.logWriter",
    "roles/monitoring.metricWriter",
    "roles/monitoring.viewer",
    "roles/stackdriver.resourceMetadata.writer",
  ]

  depends_on = [google_project_service.this]
}

# Argo CD's application controller acts as this account to reach the stage's clusters. clusterViewer is
# container.clusters.get/list: enough to fetch a cluster's endpoint and a token for it, and nothing in the Kubernetes
# API. What Argo CD may do inside a cluster is Kubernetes RBAC, which the build binds to this account in the
# environment clusters only (never in the management cluster).
module "argocd" {
  source = "../modules/cluster-identity"

  project_id    = var.project_id
  account_id    = "argocd-${var.stage}"
  display_name  = "Argo CD of stage ${var.stage}"
  project_roles = ["roles/container.clusterViewer"]
  # Only the application controller: it is the component that syncs to the environment clusters. argocd-server has
  # an account of its own, read-only (below).
  kubernetes_service_accounts      = { application-controller = "${var.argocd_namespace}/argocd-application-controller" }
  bind_kubernetes_service_accounts = var.gke_workload_identity_pool_exists

  depends_on = [google_project_service.this]
}

# argocd-server acts as this account, read-only: the UI's live views of the environment clusters (pod logs, live
# manifests) are fetched by argocd-server itself, not the controller. Its own account, so whoever reaches the
# internet-facing server holds only what the build's read-only RBAC grants it there (see ArgoCdServerClusterAccess).
module "argocd_server" {
  source = "../modules/cluster-identity"

  project_id                       = var.project_id
  account_id                       = "argocd-server-${var.stage}"
  display_name                     = "Argo CD server (read-only UI) of stage ${var.stage}"
  project_roles                    = ["roles/container.clusterViewer"]
  kubernetes_service_accounts      = { server = "${var.argocd_namespace}/argocd-server" }
  bind_kubernetes_service_accounts = var.gke_workload_identity_pool_exists

  depends_on = [google_project_service.this]
}

# external-dns in the environment clusters acts as this account; it may change records in the stage's zone only.
module "external_dns" {
  source = "../modules/cluster-identity"

  project_id   = var.project_id
  account_id   = "external-dns-${var.stage}"
  display_name = "external-dns of stage ${var.stage}"
  # Namespace and service account external-dns (charts/app-of-apps) in the environment clusters.
  kubernetes_service_accounts      = { external-dns = "external-dns/external-dns" }
  bind_kubernetes_service_accounts = var.gke_workload_identity_pool_exists

  depends_on = [google_project_service.this]
}

resource "google_dns_managed_zone_iam_member" "external_dns" {
  project      = var.project_id
  managed_zone = google_dns_managed_zone.stage.name
  role         = "roles/dns.admin"
  member       = "serviceAccount:${module.external_dns.email}"
}

# external-dns lists the project's zones to find the one matching its domain filter, and listing is a project-level
# permission that no zone-level grant carries. This role holds only that, not roles/dns.reader (every zone's records).
resource "google_project_iam_custom_role" "dns_zone_lister" {
  project     = var.project_id
  role_id     = "dnsZoneLister_${replace(var.stage, "-", "_")}"
  title       = "List Cloud DNS zones (external-dns of ${var.stage})"
  permissions = ["dns.managedZones.get", "dns.managedZones.list"]
  depends_on  = [google_project_service.this]
}

resource "google_project_iam_member" "external_dns_zone_lister" {
  project = var.project_id
  role    = google_project_iam_custom_role.dns_zone_lister.name
  member  = "serviceAccount:${module.external_dns.email}"
}
