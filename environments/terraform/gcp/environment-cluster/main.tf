locals {
  cluster_name = "gitops-${var.stage}-gcp"
  labels = {
    stage      = var.stage
    role       = "environment"
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
}
