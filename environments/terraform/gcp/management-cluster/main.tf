locals {
  cluster_name = "gitops-${var.stage}-mgmt"
  labels = {
    stage      = var.stage
    role       = "management"
    managed-by = "gitops-build"
  }
}

module "cluster" {
  source = "../modules/gke-cluster"

  project_id      = var.project_id
  region          = var.region
  node_locations  = var.node_locations
  name            = local.cluster_name
  labels          = local.labels
  subnet_cidr     = var.subnet_cidr
  pods_cidr       = var.pods_cidr
  services_cidr   = var.services_cidr
  release_channel = var.release_channel
  machine_type    = var.machine_type
  min_nodes       = var.min_nodes
  max_nodes       = var.max_nodes
  spot_nodes      = var.spot_nodes

  node_service_account       = data.google_service_account.nodes.email
  private_nodes              = var.private_nodes
  restrict_master_access     = var.restrict_master_access
  master_authorized_networks = var.master_authorized_networks
}

# Created by the foundation (environments/terraform/gcp/foundation), with only the logging and monitoring roles.
data "google_service_account" "nodes" {
  project    = var.project_id
  account_id = "gke-nodes-${var.stage}"
}

# Argo CD's application controller acts as this account (created by the foundation, roles/container.clusterViewer).
data "google_service_account" "argocd" {
  project    = var.project_id
  account_id = "argocd-${var.stage}"
}

# No Kubernetes objects are managed here: the build installs Argo CD with helm (--create-namespace) into the cluster
# created above, and destroying the cluster removes them. A kubernetes provider configured from this module's own
# cluster cannot refresh or destroy them reliably once the cluster is being replaced or is gone.

# Only the application controller acts as Argo CD's Google service account: it is the component that syncs to the
# environment clusters. argocd-server faces the internet and gets no cloud identity (see environments/terraform/README.md).
resource "google_service_account_iam_member" "argocd_workload_identity" {
  service_account_id = data.google_service_account.argocd.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${var.argocd_namespace}/argocd-application-controller]"

  # GKE creates the <project>.svc.id.goog pool with the first cluster; IAM refuses members of a pool that does not exist.
  depends_on = [module.cluster]
}
