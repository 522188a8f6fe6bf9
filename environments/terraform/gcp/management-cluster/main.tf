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

# argocd-server acts as this read-only account (created by the foundation, roles/container.clusterViewer).
data "google_service_account" "argocd_server" {
  project    = var.project_id
  account_id = "argocd-server-${var.stage}"
}

# No Kubernetes objects are managed here: the build installs Argo CD with helm (--create-namespace) into the cluster
# created above, and destroying the cluster removes them. A kubernetes provider configured from this module's own
# cluster cannot refresh or destroy them reliably once the cluster is being replaced or is gone.

# Argo CD's application controller is bound to that account by the foundation (cluster-workload-identity.tf there),
# not here: the deployer holds no setIamPolicy on service accounts. State from before is forgotten, not destroyed.
removed {
  from = google_service_account_iam_member.argocd_workload_identity

  lifecycle {
    destroy = false
  }
}
