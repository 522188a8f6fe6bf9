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
}

# No Kubernetes objects are managed here: the build installs Argo CD with helm (--create-namespace) into the cluster
# created above, and destroying the cluster removes them. A kubernetes provider configured from this module's own
# cluster cannot refresh or destroy them reliably once the cluster is being replaced or is gone.

# Argo CD's controller and server act as this Google service account (Workload Identity) to reach the stage's
# environment clusters through exec auth, so no long-lived cluster tokens are stored in Argo CD.
resource "google_service_account" "argocd" {
  project      = var.project_id
  account_id   = "argocd-${var.stage}"
  display_name = "Argo CD of stage ${var.stage}"
}

# container.admin rather than container.developer: the charts Argo CD deploys create RBAC objects, which
# container.developer does not allow.
resource "google_project_iam_member" "argocd_cluster_access" {
  project = var.project_id
  role    = "roles/container.admin"
  member  = "serviceAccount:${google_service_account.argocd.email}"
}

resource "google_service_account_iam_member" "argocd_workload_identity" {
  for_each = toset(["argocd-application-controller", "argocd-server"])

  service_account_id = google_service_account.argocd.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.project_id}.svc.id.goog[${var.argocd_namespace}/${each.value}]"

  depends_on = [module.cluster]
}
